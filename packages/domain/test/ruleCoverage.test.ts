// Every rule of DOMAIN.md (`../shared/DOMAIN.md`, beside the checkout) must be cited by the name of a test somewhere
// in the repository (`it('PP-5 …')`), so that anyone can find the proof of a rule, and a rule without one is noticed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleIdsOf, testNamesOf } from './ruleCitations.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const domainMd = join(repo, '..', 'shared', 'DOMAIN.md');

const testFiles = (folder: string): ReadonlyArray<string> =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });

describe('rule coverage', () => {
  it('finds DOMAIN.md beside the checkout, with the rules of all three aggregates', () => {
    expect(existsSync(domainMd), `${domainMd} should exist`).toBe(true);
    const ids = ruleIdsOf(readFileSync(domainMd, 'utf8'));
    expect(ids.filter((id) => id.startsWith('SC-'))).toHaveLength(14);
    expect(ids.filter((id) => id.startsWith('PP-'))).toHaveLength(10);
    expect(ids.filter((id) => id.startsWith('IN-'))).toHaveLength(5);
  });

  it('has a test whose name cites each rule id of DOMAIN.md', () => {
    const ids = ruleIdsOf(readFileSync(domainMd, 'utf8'));
    const cited = new Set(
      ['packages', 'examples']
        .flatMap((root) => testFiles(join(repo, root)))
        .flatMap((file) =>
          testNamesOf(readFileSync(file, 'utf8')).map((name) => ({ file: relative(repo, file), name })),
        )
        .flatMap(({ name }) => name.match(/\b(?:SC|PP|IN)-\d+\b/g) ?? []),
    );
    expect(ids.filter((id) => !cited.has(id))).toEqual([]);
  });
});
