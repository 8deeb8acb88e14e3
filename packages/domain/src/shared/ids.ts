import * as t from 'io-ts';

interface UserIdBrand {
  readonly UserId: unique symbol;
}
/** Who a user is, as the identity provider outside the domain names them. */
export type UserId = t.Branded<string, UserIdBrand>;
// Ids are recorded in every event and its metadata, printed in tables, CSV and JSON, and compared byte for byte:
// no control or bidirectional-formatting characters, no quote or backslash, no lone surrogate, at most 200 characters.
const unsafeInId = /["\\\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Whether `s` may be an id: 1 to 200 characters, no surrounding white space, nothing unprintable or quoting. */
const isIdText = (s: string): boolean =>
  s.length > 0 && s.length <= 200 && s.trim() === s && !unsafeInId.test(s);

/** A user id: 1 to 200 printable characters without surrounding white space, quotes or backslashes. */
export const UserIdCodec = t.brand(t.string, (s): s is UserId => isIdText(s), 'UserId');

interface EmailBrand {
  readonly Email: unique symbol;
}
/** An e-mail address, lower-cased so that comparisons are by address, not by spelling. */
export type Email = t.Branded<string, EmailBrand>;

const emailShape = /^[^\s@"\\\p{Cc}]+@[^\s@"\\\p{Cc}]+\.[^\s@"\\\p{Cc}]+$/u;

/** Decodes an e-mail address and lower-cases it. */
export const EmailCodec: t.Type<Email, string, unknown> = new t.Type<Email, string, unknown>(
  'Email',
  (u): u is Email => typeof u === 'string' && emailShape.test(u) && u === u.toLowerCase(),
  (u, c) =>
    typeof u === 'string' && emailShape.test(u.trim())
      ? t.success(u.trim().toLowerCase() as Email)
      : t.failure(u, c, 'expected an e-mail address'),
  (email) => email,
);

/** The part of an address after the `@`. */
export const mailDomain = (email: Email): string => email.slice(email.lastIndexOf('@') + 1);

/** Who issues a command: their user id and the address they are signed in with. */
export interface Actor {
  readonly id: UserId;
  readonly email: Email;
}
/** Codec for {@link Actor}. */
export const ActorCodec: t.Type<Actor, { id: string; email: string }, unknown> = t.strict({
  id: UserIdCodec,
  email: EmailCodec,
});

/** Makes a branded id codec for an aggregate's identifiers: as a user id, 1 to 200 printable characters. */
export const idCodec = <B extends { readonly [K in N]: symbol }, N extends string>(name: N) =>
  t.brand(t.string, (s): s is t.Branded<string, B> => isIdText(s), name);
