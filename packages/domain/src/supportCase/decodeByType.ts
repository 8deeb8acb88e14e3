import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { describeErrors, type DecodeFailed } from '../shared/decoding.js';

/** One decoder per member of a union on `type`, keyed by that `type`. */
export type DecodersByType<A extends { readonly type: string }> = {
  readonly [K in A['type']]: t.Decoder<unknown, Extract<A, { readonly type: K }>>;
};

/**
 * Makes a decoder for a union on `type` that first reads `type` and then decodes with that member's codec alone,
 * so the problems name clean paths (`data.channel`) instead of one per union member. Never throws.
 */
export const decodeByType =
  <A extends { readonly type: string }>(what: string, decoders: DecodersByType<A>) =>
  (input: unknown): E.Either<DecodeFailed, A> => {
    const type: unknown =
      typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['type'] : undefined;
    if (typeof type === 'string' && Object.hasOwn(decoders, type)) {
      const decoder: t.Decoder<unknown, A> = decoders[type as A['type']];
      return E.mapLeft((errors: t.Errors): DecodeFailed => ({
        _tag: 'DecodeFailed',
        what: type,
        problems: describeErrors(errors),
      }))(decoder.decode(input));
    }
    const known = Object.keys(decoders).join(', ');
    const got = type === undefined ? 'nothing' : JSON.stringify(type);
    return E.left({
      _tag: 'DecodeFailed',
      what,
      problems: [{ path: 'type', reason: `expected one of ${known}, got ${got}` }],
    });
  };
