import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

interface InstantBrand {
  readonly Instant: unique symbol;
}
/** A moment in UTC, as the canonical ISO-8601 string `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export type Instant = t.Branded<string, InstantBrand>;

// An offset is required: an instant without one names no moment.
const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Decodes any ISO-8601 date-time with an offset and normalises it to UTC milliseconds. */
export const InstantCodec: t.Type<Instant, string, unknown> = new t.Type<Instant, string, unknown>(
  'Instant',
  (u): u is Instant => typeof u === 'string' && isCanonicalInstant(u),
  (u, c) => {
    if (typeof u !== 'string' || !isoWithOffset.test(u)) return t.failure(u, c, 'expected an ISO-8601 instant with an offset');
    const ms = Date.parse(u);
    return Number.isNaN(ms) ? t.failure(u, c, 'not a real date') : t.success(new Date(ms).toISOString() as Instant);
  },
  (instant) => instant,
);

const isCanonicalInstant = (s: string): boolean => {
  const ms = Date.parse(s);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === s;
};

/** Builds an instant from an ISO string, or says why it cannot. */
export const parseInstant = (s: string): E.Either<string, Instant> =>
  E.mapLeft(() => `not an ISO-8601 instant with an offset: ${JSON.stringify(s)}`)(InstantCodec.decode(s));

/** Builds an instant from milliseconds since the Unix epoch. */
export const instantFromMillis = (ms: number): Instant => new Date(ms).toISOString() as Instant;

/** Milliseconds since the Unix epoch. */
export const toMillis = (instant: Instant): number => Date.parse(instant);

/** The instant `days` whole days (of 24 hours) after `instant`. */
export const plusDays = (instant: Instant, days: number): Instant => instantFromMillis(toMillis(instant) + days * 86_400_000);

/** Whether `a` is strictly before `b`. */
export const isBefore = (a: Instant, b: Instant): boolean => toMillis(a) < toMillis(b);
