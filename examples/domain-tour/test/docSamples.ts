// How docs quote code: a ```ts block right after `<!-- from: <path from the repo root>#<region> -->` must equal the
// lines between `// #region <region>` and `// #endregion <region>` of that file, less their common indentation.

/** A ```ts block of a Markdown page, and the region it says it comes from (absent: no marker). */
export interface DocSample {
  readonly line: number;
  readonly from?: { readonly path: string; readonly region: string };
  readonly code: string;
}

const marker = /^<!--\s*from:\s*([^#\s]+)#([\w-]+)\s*-->$/;

/** Every ```ts block of a page, with the marker on the line before it, if any. */
export const samplesOf = (markdown: string): ReadonlyArray<DocSample> => {
  const lines = markdown.split('\n');
  const samples: DocSample[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]?.trim() !== '```ts') continue;
    const indent = (lines[i] ?? '').indexOf('`');
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    const body = lines.slice(i + 1, end === -1 ? lines.length : end).map((l) => l.slice(indent));
    const found = marker.exec(lines[i - 1]?.trim() ?? '');
    const from =
      found?.[1] !== undefined && found[2] !== undefined ? { path: found[1], region: found[2] } : undefined;
    samples.push({ line: i + 1, ...(from === undefined ? {} : { from }), code: body.join('\n') });
    i = end === -1 ? lines.length : end;
  }
  return samples;
};

const dedent = (lines: ReadonlyArray<string>): string => {
  const widths = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const common = widths.length === 0 ? 0 : Math.min(...widths);
  return lines.map((l) => l.slice(common)).join('\n');
};

/** The lines of a named region of a source file, dedented; undefined when the file has no such region. */
export const regionOf = (source: string, region: string): string | undefined => {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.trim() === `// #region ${region}`);
  const end = lines.findIndex((l, i) => i > start && l.trim() === `// #endregion ${region}`);
  return start === -1 || end === -1 ? undefined : dedent(lines.slice(start + 1, end));
};
