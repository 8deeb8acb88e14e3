import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

interface InstantBrand {
  readonly Instant: unique symbol;
}
/** A moment in UTC, as the canonical ISO-8601 string `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export type Instant = t.Branded<string, InstantBrand>;

// An offset is required: an instant without one names no moment.
const isoWithOffset =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysIn = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * Whether every field names a real place on the calendar and the clock. `Date.parse` rolls impossible dates over
 * (2026-02-30 becomes 2 March), and an audit tool must refuse a date rather than silently read another one.
 */
const isRealCalendarInstant = (match: RegExpExecArray): boolean => {
  // Absent seconds or offset fields (`Z`) count as 0.
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((field) => (field === undefined ? 0 : Number(field))) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
};

/** Decodes any ISO-8601 date-time with an offset naming a real calendar moment, normalised to UTC milliseconds. */
export const InstantCodec: t.Type<Instant, string, unknown> = new t.Type<Instant, string, unknown>(
  'Instant',
  (u): u is Instant => typeof u === 'string' && isCanonicalInstant(u),
  (u, c) => {
    const match = typeof u === 'string' ? isoWithOffset.exec(u) : null;
    if (typeof u !== 'string' || match === null)
      return t.failure(u, c, 'expected an ISO-8601 instant with an offset');
    if (!isRealCalendarInstant(match)) return t.failure(u, c, 'not a real calendar date and time');
    const ms = Date.parse(u);
    return Number.isNaN(ms)
      ? t.failure(u, c, 'not a real date')
      : t.success(new Date(ms).toISOString() as Instant);
  },
  (instant) => instant,
);

const isCanonicalInstant = (s: string): boolean => {
  const ms = Date.parse(s);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === s;
};

/** Builds an instant from an ISO string, or says why it cannot. */
export const parseInstant = (s: string): E.Either<string, Instant> =>
  E.mapLeft(() => `not an ISO-8601 instant with an offset naming a real date: ${JSON.stringify(s)}`)(
    InstantCodec.decode(s),
  );

/** Builds an instant from milliseconds since the Unix epoch. */
export const instantFromMillis = (ms: number): Instant => new Date(ms).toISOString() as Instant;

/** Milliseconds since the Unix epoch. */
export const toMillis = (instant: Instant): number => Date.parse(instant);

/** The instant `days` whole days (of 24 hours) after `instant`. */
export const plusDays = (instant: Instant, days: number): Instant =>
  instantFromMillis(toMillis(instant) + days * 86_400_000);

/** Whether `a` is strictly before `b`. */
export const isBefore = (a: Instant, b: Instant): boolean => toMillis(a) < toMillis(b);
