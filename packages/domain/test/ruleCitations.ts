// Reading rule ids out of docs/rules.md and test names out of test files, for the rule-coverage check.

/** The rule ids of docs/rules.md's tables (`| SC-1 | …`), in order, each once. */
export const ruleIdsOf = (markdown: string): ReadonlyArray<string> => [
  ...new Set([...markdown.matchAll(/^\|\s*((?:SC|PP|IN)-\d+)\s*\|/gm)].map((m) => m[1] ?? '')),
];

/** The names given to `it(…)` and `test(…)` (also `.each(…)(…)`, `.prop(…)(…)` and the like) in a test file. */
export const testNamesOf = (source: string): ReadonlyArray<string> =>
  [...source.matchAll(/\b(?:it|test)(?:\.\w+(?:\([^)]*\))?)*\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)].map(
    (m) => m[2] ?? '',
  );
