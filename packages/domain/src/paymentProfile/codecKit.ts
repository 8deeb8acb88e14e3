import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

type Exactly<R extends t.Props, P extends t.Props> = { readonly [K in keyof R]: t.TypeOf<R[K]> } & {
  readonly [K in keyof P]?: t.TypeOf<P[K]>;
};

/**
 * A strict record with required and optional fields. Unlike `t.exact(t.intersection([t.type, t.partial]))`, an
 * optional field that is absent stays absent (never `undefined`), as `exactOptionalPropertyTypes` expects, and unknown
 * fields are stripped.
 */
export const record = <R extends t.Props, P extends t.Props>(
  required: R,
  optional: P,
): t.Type<Exactly<R, P>, unknown, unknown> => {
  const requiredCodec = t.type(required);
  const optionalCodec = t.partial(optional);
  const keep = (decoded: Record<string, unknown>): Exactly<R, P> => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(required)) out[key] = decoded[key];
    for (const key of Object.keys(optional)) if (decoded[key] !== undefined) out[key] = decoded[key];
    return out as Exactly<R, P>;
  };
  return new t.Type<Exactly<R, P>, unknown, unknown>(
    `{ ${[...Object.keys(required), ...Object.keys(optional).map((key) => `${key}?`)].join(', ')} }`,
    (u): u is Exactly<R, P> => requiredCodec.is(u) && optionalCodec.is(u),
    (u, c) => {
      const head = requiredCodec.validate(u, c);
      const tail = optionalCodec.validate(u, c);
      if (E.isRight(head) && E.isRight(tail)) return t.success(keep({ ...tail.right, ...head.right }));
      return t.failures([...(E.isLeft(head) ? head.left : []), ...(E.isLeft(tail) ? tail.left : [])]);
    },
    (a) => keep({ ...optionalCodec.encode(a), ...requiredCodec.encode(a) }),
  );
};

/** The members of the union `A` whose `type` is `T`. */
type Member<A, T> = A extends { readonly type: T } ? A : never;

/**
 * A union of records discriminated by `type`, decoded by reading `type` first and then with that member's codec alone,
 * so a problem names the one path that is wrong (`data.permissions.0`) — or `type` itself, listing the known types,
 * when it is missing or unknown.
 */
export const byType = <A extends { readonly type: string }>(
  name: string,
  members: { readonly [T in A['type']]: t.Type<Member<A, T>, unknown, unknown> },
): t.Type<A, unknown, unknown> => {
  // Each member codec handles its own `type` only, so seeing them all as codecs of `A` is safe.
  const all = members as unknown as Readonly<Record<string, t.Type<A, unknown, unknown>>>;
  const codecs = Object.values(all);
  const codecOf = (tag: unknown): t.Type<A, unknown, unknown> | undefined =>
    typeof tag === 'string' && Object.hasOwn(all, tag) ? all[tag] : undefined;
  const self: t.Type<A, unknown, unknown> = new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => codecs.some((codec) => codec.is(u)),
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u))
        return t.failure(u, c, `expected an object with a "type", got ${JSON.stringify(u) ?? 'nothing'}`);
      const tag: unknown = (u as Record<string, unknown>)['type'];
      const codec = codecOf(tag);
      if (codec !== undefined) return codec.validate(u, c);
      const known = Object.keys(members).join(', ');
      return t.failure(
        tag,
        [...c, { key: 'type', type: self, actual: u }],
        `expected one of ${known}, got ${JSON.stringify(tag) ?? 'nothing'}`,
      );
    },
    (a) => codecOf(a.type)?.encode(a) ?? a,
  );
  return self;
};

/** A codec for one of a fixed set of strings; a failure lists them. */
export const oneOf = <K extends string>(
  name: string,
  keys: ReadonlyArray<K>,
): t.Type<K, unknown, unknown> => {
  const is = (u: unknown): u is K => typeof u === 'string' && (keys as ReadonlyArray<string>).includes(u);
  return new t.Type<K, unknown, unknown>(
    name,
    is,
    (u, c) =>
      is(u)
        ? t.success(u)
        : t.failure(u, c, `expected one of ${keys.join(', ')}, got ${JSON.stringify(u) ?? 'nothing'}`),
    (k) => k,
  );
};
