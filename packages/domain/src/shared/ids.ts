import * as t from 'io-ts';

interface UserIdBrand {
  readonly UserId: unique symbol;
}
/** Who a user is, as the identity provider outside the domain names them. */
export type UserId = t.Branded<string, UserIdBrand>;
/** A user id: a non-empty string without surrounding white space. */
export const UserIdCodec = t.brand(
  t.string,
  (s): s is UserId => s.length > 0 && s.trim() === s,
  'UserId',
);

interface EmailBrand {
  readonly Email: unique symbol;
}
/** An e-mail address, lower-cased so that comparisons are by address, not by spelling. */
export type Email = t.Branded<string, EmailBrand>;

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

/** Makes a branded id codec for an aggregate's identifiers: non-empty, no surrounding white space. */
export const idCodec = <B extends { readonly [K in N]: symbol }, N extends string>(name: N) =>
  t.brand(t.string, (s): s is t.Branded<string, B> => s.length > 0 && s.trim() === s, name);
