import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

type Exactly<R extends t.Props, P extends t.Props> = { [K in keyof R]: t.TypeOf<R[K]> } & {
  [K in keyof P]?: t.TypeOf<P[K]>;
};

/**
 * A strict record with required and optional fields. Unlike `t.exact(t.intersection([t.type, t.partial]))`, problems
 * keep clean paths (`data.channel`, not `data.0.channel`), and an optional field is left out rather than set to
 * `undefined`, as `exactOptionalPropertyTypes` expects.
 */
export const struct = <R extends t.Props, P extends t.Props>(
  required: R,
  optional: P,
  name?: string,
): t.Type<Exactly<R, P>, unknown, unknown> => {
  const requiredCodec = t.type(required);
  const optionalCodec = t.partial(optional);
  const exact = t.exact(t.intersection([requiredCodec, optionalCodec]));
  const keep = (decoded: Record<string, unknown>): Exactly<R, P> => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(required)) out[key] = decoded[key];
    for (const key of Object.keys(optional)) if (decoded[key] !== undefined) out[key] = decoded[key];
    return out as Exactly<R, P>;
  };
  return new t.Type<Exactly<R, P>, unknown, unknown>(
    name ?? exact.name,
    (u): u is Exactly<R, P> => exact.is(u),
    (u, c) => {
      const head = requiredCodec.validate(u, c);
      const tail = optionalCodec.validate(u, c);
      if (E.isRight(head) && E.isRight(tail)) return t.success(keep({ ...tail.right, ...head.right }));
      return t.failures([...(E.isLeft(head) ? head.left : []), ...(E.isLeft(tail) ? tail.left : [])]);
    },
    (a) => keep(exact.encode(a)),
  );
};

/** The members of the union `A` whose `K` can be `V`. */
type MemberWith<A, K extends keyof A, V> = A extends unknown ? (V extends A[K] ? A : never) : never;

/**
 * A union discriminated by `key`, decoded by looking at `key` first and then with that member's decoder alone, so a
 * problem names the one path that is wrong (`data.outcome.party`, or `type` for an unknown type) instead of one line
 * per member. `union` gives the name, the guard and the encoder; `byTag` maps every tag value to its member's decoder.
 */
export const tagged = <A extends { readonly [k in K]: string }, K extends string>(
  key: K,
  union: t.Type<A, unknown, unknown>,
  byTag: { readonly [V in A[K]]: t.Decoder<unknown, MemberWith<A, K, V>> },
): t.Type<A, unknown, unknown> =>
  new t.Type<A, unknown, unknown>(
    union.name,
    union.is,
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) {
        return t.failure(u, c, `expected an object with "${key}", got ${JSON.stringify(u) ?? 'nothing'}`);
      }
      const tag: unknown = (u as Record<string, unknown>)[key];
      if (typeof tag === 'string' && Object.hasOwn(byTag, tag)) {
        const decoder: t.Decoder<unknown, A> = byTag[tag as A[K]];
        return decoder.validate(u, c);
      }
      const known = Object.keys(byTag)
        .map((value) => JSON.stringify(value))
        .join(' | ');
      return t.failure(
        tag,
        [...c, { key, type: union, actual: u }],
        `expected ${known}, got ${JSON.stringify(tag) ?? 'nothing'}`,
      );
    },
    union.encode,
  );
