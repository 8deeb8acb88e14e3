import { describe, expect, it } from 'vitest';
import { ruleIdsOf, testNamesOf } from './ruleCitations.js';

describe('reading rule citations', () => {
  it('takes the ids from the first column of the rule tables only', () => {
    const page = [
      '| id | rule |',
      '|---|---|',
      '| SC-1 | one |',
      '| PP-10 | ten, see SC-2 |',
      'Text citing IN-3.',
    ].join('\n');
    expect(ruleIdsOf(page)).toEqual(['SC-1', 'PP-10']);
  });

  it('takes the names of it and test calls, with any quotes, and not describe titles', () => {
    const source = [
      "describe('SC-9 group', () => {",
      "  it('PP-5 nobody escalates', () => {});",
      '  test("IN-2 expires", () => {});',
      '  it.each([1, 2])(`SC-7 due %s`, () => {});',
      "  it('says \\'PP-1\\' inside', () => {});",
      '});',
    ].join('\n');
    expect(testNamesOf(source)).toEqual([
      'PP-5 nobody escalates',
      'IN-2 expires',
      'SC-7 due %s',
      "says \\'PP-1\\' inside",
    ]);
  });
});
