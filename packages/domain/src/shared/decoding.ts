import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { DecodeFailed, DecodeProblem } from '@dossier/core';

// The kernel's shapes, so that the command handler answers the same `DecodeFailed` as the codecs.
export type { DecodeFailed, DecodeProblem };

const isCombinator = (type: t.Decoder<unknown, unknown> | undefined): boolean => {
  const tag = (type as { readonly _tag?: string } | undefined)?._tag;
  return tag === 'UnionType' || tag === 'IntersectionType';
};

const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // A bigint or a cycle: name its kind instead.
  }
  if (json === undefined) return `a ${typeof value}`;
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
};

/** Turns io-ts's errors into paths (`data.permissions.1`) and reasons a person can act on. */
export const describeErrors = (errors: t.Errors): ReadonlyArray<DecodeProblem> => {
  const seen = new Set<string>();
  const problems: DecodeProblem[] = [];
  for (const error of errors) {
    // A union's or intersection's members repeat the parent's key: leave their indices out of the path.
    const keys = error.context
      .filter((entry, i) => entry.key !== '' && !isCombinator(error.context[i - 1]?.type))
      .map((entry) => entry.key);
    const path = keys.join('.');
    const expected = error.context[error.context.length - 1]?.type.name ?? 'a value';
    const reason = error.message ?? `expected ${expected}, got ${describeValue(error.value)}`;
    const line = `${path}\u0000${reason}`;
    if (seen.has(line)) continue;
    seen.add(line);
    problems.push({ path: path === '' ? '(root)' : path, reason });
  }
  return problems;
};

/** Decodes `input` with `codec`, naming every path that was wrong; never throws. */
export const decodeWith =
  <A, O>(codec: t.Type<A, O, unknown>, what: string = codec.name) =>
  (input: unknown): E.Either<DecodeFailed, A> =>
    E.mapLeft((errors: t.Errors): DecodeFailed => ({
      _tag: 'DecodeFailed',
      what,
      problems: describeErrors(errors),
    }))(codec.decode(input));
