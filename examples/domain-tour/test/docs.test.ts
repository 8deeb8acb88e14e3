import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { regionOf, samplesOf } from './docSamples.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(`${repo}${path}`, 'utf8');
const pages = [
  'README.md',
  'docs/architecture.md',
  'docs/domain.md',
  'docs/stores.md',
  'docs/projections.md',
  'docs/embed.md',
  'docs/tracing.md',
  ...readdirSync(`${repo}packages`)
    .map((folder) => `packages/${folder}/README.md`)
    // The CLI's README shows shell sessions, not TypeScript; every other package's shows compiled code.
    .filter((path) => existsSync(`${repo}${path}`) && path !== 'packages/cli/README.md'),
  'examples/support-desk/README.md',
];

describe('code in the docs', () => {
  for (const page of pages) {
    describe(page, () => {
      const samples = samplesOf(read(page));

      it('has code samples, each marked with the file and region it comes from', () => {
        expect(samples.length).toBeGreaterThan(0);
        expect(samples.filter((s) => s.from === undefined).map((s) => `${page}:${s.line}`)).toEqual([]);
      });

      for (const sample of samples) {
        if (sample.from === undefined) continue;
        const { path, region } = sample.from;
        it(`line ${sample.line} is ${path}#${region} as it is`, () => {
          expect(existsSync(`${repo}${path}`), `${path} exists`).toBe(true);
          expect(sample.code).toBe(regionOf(read(path), region));
        });
      }
    });
  }
});

describe('the doc-sample check', () => {
  const source = ['const a = 1;', '  // #region r', '  export const b = 2;', '  // #endregion r'].join('\n');

  it('takes a region dedented, and nothing for a region the file lacks', () => {
    expect(regionOf(source, 'r')).toBe('export const b = 2;');
    expect(regionOf(source, 'missing')).toBeUndefined();
  });

  it('reads the marker and the block, and sees a block that drifted from its region', () => {
    const page = [
      'text',
      '<!-- from: x.ts#r -->',
      '```ts',
      'export const b = 3;',
      '```',
      '```ts',
      'bare',
      '```',
    ].join('\n');
    const [marked, bare] = samplesOf(page);
    expect(marked).toEqual({ line: 3, from: { path: 'x.ts', region: 'r' }, code: 'export const b = 3;' });
    expect(marked?.code).not.toBe(regionOf(source, 'r'));
    expect(bare).toEqual({ line: 6, code: 'bare' });
  });
});
