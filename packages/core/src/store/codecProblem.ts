import type * as t from 'io-ts';

/** The first of an io-ts decoding's errors as one line: the path to the value and what was wrong with it. */
export const firstProblem = (errors: t.Errors, root = 'event'): string => {
  const error = errors[0];
  if (error === undefined) return 'invalid';
  const path = error.context
    .map((entry) => entry.key)
    .filter((key) => key !== '')
    .join('.');
  const expected = error.context[error.context.length - 1]?.type.name ?? 'a value';
  return `${path === '' ? root : path}: ${error.message ?? `expected ${expected}, got ${JSON.stringify(error.value) ?? 'nothing'}`}`;
};
