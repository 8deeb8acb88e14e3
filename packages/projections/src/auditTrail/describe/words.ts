/** `live-update-setup` → `live-update setup`: identifiers as words, keeping compound prefixes readable. */
export const words = (identifier: string): string => identifier.replaceAll('-', ' ');

/** `a`, `a and b`, `a, b and c`; `nothing` for an empty list. */
export const listed = (items: ReadonlyArray<string>): string => {
  if (items.length === 0) return 'nothing';
  if (items.length === 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
};

/** A free text quoted for an auditor, so that blanks and punctuation stay visible. */
export const quoted = (text: string): string => JSON.stringify(text);
