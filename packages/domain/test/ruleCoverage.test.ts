// Every rule of docs/rules.md must be cited by the name of a test somewhere in the repository (`it('PP-5 …')`), so
// that anyone can find the proof of a rule, and a rule without one is noticed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleIdsOf, testNamesOf } from './ruleCitations.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const rulesMd = join(repo, 'docs', 'rules.md');

const testFiles = (folder: string): ReadonlyArray<string> =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });

describe('rule coverage', () => {
  const ids = ruleIdsOf(readFileSync(rulesMd, 'utf8'));

  it('reads docs/rules.md, with the rules of all three aggregates', () => {
    expect(ids.filter((id) => id.startsWith('SC-'))).toHaveLength(14);
    expect(ids.filter((id) => id.startsWith('PP-'))).toHaveLength(10);
    expect(ids.filter((id) => id.startsWith('IN-'))).toHaveLength(5);
  });

  it('has a test whose name cites each rule id of docs/rules.md', () => {
    const cited = new Set(
      ['packages', 'examples']
        .flatMap((root) => testFiles(join(repo, root)))
        .flatMap((file) => testNamesOf(readFileSync(file, 'utf8')))
        .flatMap((name) => name.match(/\b(?:SC|PP|IN)-\d+\b/g) ?? []),
    );
    expect(ids.filter((id) => !cited.has(id))).toEqual([]);
  });
});
