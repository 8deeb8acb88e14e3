/** What a check found: fine, or why not. Values rather than exceptions, with no library to depend on. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** A value read from untrusted input, or why it could not be. */
export type Parsed<A> =
  { readonly ok: true; readonly value: A } | { readonly ok: false; readonly reason: string };

/** The passing {@link Verdict}. */
export const pass: Verdict = { ok: true };

/** A failing {@link Verdict} or {@link Parsed}, saying why. */
export const fail = (reason: string): { readonly ok: false; readonly reason: string } => ({
  ok: false,
  reason,
});

/** A {@link Parsed} value. */
export const parsed = <A>(value: A): Parsed<A> => ({ ok: true, value });
