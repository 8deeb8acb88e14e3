/** A field named in an io-ts record's name, and whether the name marks it optional (`key?` or inside `Partial<…>`). */
export interface NamedField {
  readonly name: string;
  readonly optional: boolean;
}

const opening: Readonly<Record<string, string>> = { '{': '}', '(': ')', '[': ']', '<': '>' };

/**
 * The fields of the outermost object type(s) in an io-ts codec name — `{| a: A, b: B |}`, `{ a, b? }` or
 * `Exact<({ a: A } & Partial<{ b: B }>)>` — in order. Keys of nested objects, string literals and the like are skipped:
 * only a key at the first object level counts.
 */
export const fieldNamesOf = (codecName: string): ReadonlyArray<NamedField> => {
  const stack: Array<{ readonly close: string; readonly partial: boolean }> = [];
  const fields: NamedField[] = [];
  let expectKey = false;
  for (let i = 0; i < codecName.length; i++) {
    const char = codecName.charAt(i);
    if (char === '"') {
      i = codecName.indexOf('"', i + 1);
      if (i < 0) break;
      continue;
    }
    const close = opening[char];
    if (close !== undefined) {
      const partial = char === '<' && codecName.slice(0, i).endsWith('Partial');
      stack.push({ close, partial });
      expectKey = char === '{' && stack.filter((entry) => entry.close === '}').length === 1;
      continue;
    }
    if (stack.length > 0 && char === stack[stack.length - 1]?.close) {
      stack.pop();
      expectKey = false;
      continue;
    }
    const atObjectLevel =
      stack[stack.length - 1]?.close === '}' && stack.filter((e) => e.close === '}').length === 1;
    if (char === ',' && atObjectLevel) {
      expectKey = true;
      continue;
    }
    if (!expectKey || /[\s|]/.test(char)) continue;
    const key = /^[A-Za-z_$][\w$]*/.exec(codecName.slice(i))?.[0];
    expectKey = false;
    if (key === undefined) continue;
    i += key.length - 1;
    const marked = codecName.charAt(i + 1) === '?';
    fields.push({ name: key, optional: marked || stack.some((entry) => entry.partial) });
  }
  return fields;
};
