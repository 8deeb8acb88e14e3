import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The convention of docs/domain.md: a ```ts block right after `<!-- from: <path>#<region> -->` is the file's lines
// between `// #region <region>` and `// #endregion <region>`, dedented.
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(`${repo}${path}`, 'utf8');

const quoted = (page: string): ReadonlyArray<{ readonly from: string | undefined; readonly code: string }> =>
  [...read(page).matchAll(/(?:<!-- from: (\S+) -->\n)?```ts\n([\s\S]*?)\n```/g)].map((m) => ({
    from: m[1],
    code: m[2] ?? '',
  }));

const region = (from: string): string => {
  const [path = '', name = ''] = from.split('#');
  const lines = read(path).split('\n');
  const start = lines.findIndex((line) => line.trim() === `// #region ${name}`);
  const end = lines.findIndex((line, i) => i > start && line.trim() === `// #endregion ${name}`);
  const body = start < 0 || end < 0 ? [] : lines.slice(start + 1, end);
  const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return body.map((line) => line.slice(indent)).join('\n');
};

describe.each(['README.md', 'docs/architecture.md'])('the code quoted in %s', (page) => {
  it('is marked with its source region and is that region as it is', () => {
    const samples = quoted(page);
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      expect(sample.from, sample.code.slice(0, 60)).toBeDefined();
      expect(sample.code).toBe(region(sample.from ?? ''));
    }
  });
});
