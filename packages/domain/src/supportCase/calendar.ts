import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { instantFromMillis, toMillis, type Instant } from '../shared/instant.js';

interface TimeZoneBrand {
  readonly TimeZone: unique symbol;
}
/** An IANA time zone name that this runtime's `Intl` knows, such as `Asia/Jakarta` or `UTC`. */
export type TimeZone = t.Branded<string, TimeZoneBrand>;

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (zone: string): Intl.DateTimeFormat | undefined => {
  const known = formatters.get(zone);
  if (known !== undefined) return known;
  try {
    const made = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, made);
    return made;
  } catch {
    return undefined; // Intl refuses an unknown zone with a RangeError
  }
};

/** Codec for {@link TimeZone}: a zone name that `Intl.DateTimeFormat` accepts. */
export const TimeZoneCodec = t.brand(
  t.string,
  (s): s is t.Branded<string, TimeZoneBrand> => formatterFor(s) !== undefined,
  'TimeZone',
);

/** Checks a time zone name, or says why it is not one. */
export const parseTimeZone = (name: string): E.Either<string, TimeZone> =>
  E.mapLeft(() => `not a time zone this runtime knows: ${JSON.stringify(name)}`)(TimeZoneCodec.decode(name));

/** Coordinated Universal Time. */
export const utc = 'UTC' as TimeZone;

/** A day of the week. */
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
// Indexed as Date.prototype.getUTCDay numbers them: Sunday is 0.
const weekdays: ReadonlyArray<Weekday> = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

/** When support works: whole local days, in one zone. At least one business day, so a due time always exists. */
export interface SupportCalendar {
  readonly timeZone: TimeZone;
  readonly businessDays: readonly [Weekday, ...Weekday[]];
}

const hour = 3_600_000;
const dayLength = 24 * hour;

// "Wall" time: the local date and clock reading in the zone, counted as if that reading were UTC.
const wallTime = (ms: number, zone: TimeZone): number => {
  const parts = formatterFor(zone)?.formatToParts(new Date(ms)) ?? [];
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour') % 24,
    part('minute'),
    part('second'),
  );
  return Number.isNaN(local) ? ms : local + (((ms % 1000) + 1000) % 1000);
};

const offsetAt = (ms: number, zone: TimeZone): number => wallTime(ms, zone) - ms;

// The instant a wall time names. Of two (clocks going back) the earlier; of none (clocks going forward, a gap)
// the instant the clocks would show had they not jumped — that is, the wall time moved forward by the gap.
const instantOfWall = (wall: number, zone: TimeZone): number => {
  const before = offsetAt(wall - dayLength, zone);
  const after = offsetAt(wall + dayLength, zone);
  const fits = [wall - before, wall - after].filter((ms) => wallTime(ms, zone) === wall);
  return fits.length > 0 ? Math.min(...fits) : wall - before;
};

const startOfWallDay = (wall: number): number => Math.floor(wall / dayLength) * dayLength;

const isBusinessDay = (wallDay: number, calendar: SupportCalendar): boolean =>
  calendar.businessDays.includes(weekdays[new Date(wallDay).getUTCDay()] ?? 'sunday');

const nextBusinessDay = (wallDay: number, calendar: SupportCalendar): number => {
  let day = wallDay + dayLength;
  for (let i = 0; i < 7 && !isBusinessDay(day, calendar); i += 1) day += dayLength;
  return day;
};

/** The local day of the week of an instant in a zone. */
export const weekdayIn = (instant: Instant, zone: TimeZone): Weekday =>
  weekdays[new Date(wallTime(toMillis(instant), zone)).getUTCDay()] ?? 'sunday';

/**
 * `days` business days after `from`, in the calendar's zone. From a business day: the same local clock time on the
 * `days`-th following business day. From any other day, the clock starts when the next business day begins, so the
 * due time is the end (local midnight) of the `days`-th business day. A clock time that a daylight-saving jump
 * skips moves forward by the jump.
 */
export const addBusinessDays = (from: Instant, days: number, calendar: SupportCalendar): Instant => {
  const wall = wallTime(toMillis(from), calendar.timeZone);
  const today = startOfWallDay(wall);
  let day = today;
  for (let i = 0; i < days; i += 1) day = nextBusinessDay(day, calendar);
  const dueWall = isBusinessDay(today, calendar) ? day + (wall - today) : day + dayLength;
  return instantFromMillis(instantOfWall(dueWall, calendar.timeZone));
};

/** `hours` elapsed hours after `from`, counting only time that falls on the calendar's local business days. */
export const addBusinessHours = (from: Instant, hours: number, calendar: SupportCalendar): Instant => {
  let at = toMillis(from);
  let remaining = hours * hour;
  // Each turn moves to the next local midnight; at least one business day a week bounds the turns.
  const turns = Math.ceil(hours / 24) * 7 + 8;
  for (let i = 0; i < turns; i += 1) {
    const today = startOfWallDay(wallTime(at, calendar.timeZone));
    const nextMidnight = instantOfWall(today + dayLength, calendar.timeZone);
    if (isBusinessDay(today, calendar)) {
      if (remaining <= nextMidnight - at) return instantFromMillis(at + remaining);
      remaining -= nextMidnight - at;
    }
    at = nextMidnight;
  }
  return instantFromMillis(at);
};
