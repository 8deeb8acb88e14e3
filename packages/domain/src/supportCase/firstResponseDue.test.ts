import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { instantFromMillis, toMillis, type Instant } from '../shared/instant.js';
import { day } from '../testing/time.js';
import { parseTimeZone, weekdayIn, type SupportCalendar, type TimeZone } from './calendar.js';
import { firstResponseDue } from './firstResponseDue.js';
import { defaultSupportPolicy, SupportPolicyCodec, type SupportPolicy } from './policy.js';

const at = (iso: string): Instant => instantFromMillis(Date.parse(iso));
const zone = (name: string): TimeZone => {
  const parsed = parseTimeZone(name);
  if (E.isLeft(parsed)) throw new Error(parsed.left);
  return parsed.right;
};
const inZone = (name: string, businessDays?: SupportCalendar['businessDays']): SupportPolicy => ({
  ...defaultSupportPolicy,
  calendar: {
    ...defaultSupportPolicy.calendar,
    timeZone: zone(name),
    ...(businessDays ? { businessDays } : {}),
  },
});
const hoursBetween = (a: Instant, b: Instant): number => (toMillis(b) - toMillis(a)) / 3_600_000;

describe('SupportCase', () => {
  describe('first response due (SC-7)', () => {
    describe('default target: 1 business day, Monday–Friday, in UTC', () => {
      it('SC-7 a submission on a business day is due at the same clock time the next business day', () => {
        expect(firstResponseDue(day(0), 'P2', defaultSupportPolicy, 'pro')).toBe(day(1)); // Monday → Tuesday
        expect(firstResponseDue(day(3, 5), 'P2', defaultSupportPolicy, 'pro')).toBe(day(4, 5)); // Thursday → Friday
      });

      it('SC-7 a submission on Friday evening is due on Monday evening, skipping the weekend', () => {
        expect(firstResponseDue(at('2026-01-09T18:00:00Z'), 'P3', defaultSupportPolicy, 'free')).toBe(
          at('2026-01-12T18:00:00Z'),
        );
      });

      it('SC-7 a submission on Saturday or Sunday is due at the end of Monday (its clock starts Monday 00:00)', () => {
        const endOfMonday = at('2026-01-13T00:00:00Z');
        expect(firstResponseDue(at('2026-01-10T00:00:00Z'), 'P1', defaultSupportPolicy, 'team')).toBe(
          endOfMonday,
        );
        expect(firstResponseDue(at('2026-01-10T10:00:00Z'), 'P1', defaultSupportPolicy, 'team')).toBe(
          endOfMonday,
        );
        expect(firstResponseDue(at('2026-01-11T23:59:59Z'), 'P1', defaultSupportPolicy, 'team')).toBe(
          endOfMonday,
        );
      });

      it('SC-7 the last moment of Friday is still a Friday submission; midnight is Saturday', () => {
        expect(firstResponseDue(at('2026-01-09T23:59:59Z'), 'P4', defaultSupportPolicy, 'pro')).toBe(
          at('2026-01-12T23:59:59Z'),
        );
        expect(firstResponseDue(at('2026-01-10T00:00:00Z'), 'P4', defaultSupportPolicy, 'pro')).toBe(
          at('2026-01-13T00:00:00Z'),
        );
      });
    });

    describe('time zones', () => {
      it('SC-7 a UTC Friday evening that is already Saturday in Asia/Jakarta counts as a weekend submission there', () => {
        const submitted = at('2026-01-09T18:00:00Z'); // Saturday 01:00 in Jakarta (UTC+7)
        expect(weekdayIn(submitted, zone('Asia/Jakarta'))).toBe('saturday');
        // the end of Monday in Jakarta, not Monday 18:00 UTC as in the UTC calendar
        expect(firstResponseDue(submitted, 'P2', inZone('Asia/Jakarta'), 'pro')).toBe(
          at('2026-01-12T17:00:00Z'),
        );
      });

      it('SC-7 a UTC Saturday that is still Friday in America/Los_Angeles counts as a Friday submission there', () => {
        const submitted = at('2026-01-10T03:00:00Z'); // Friday 19:00 in Los Angeles (UTC-8)
        expect(weekdayIn(submitted, zone('America/Los_Angeles'))).toBe('friday');
        expect(firstResponseDue(submitted, 'P2', inZone('America/Los_Angeles'), 'pro')).toBe(
          at('2026-01-13T03:00:00Z'), // Monday 19:00 in Los Angeles
        );
      });

      it('SC-7 across the spring DST change (New York, 8 March 2026) the due time keeps the local clock time', () => {
        const submitted = at('2026-03-06T15:00:00Z'); // Friday 10:00 EST
        const due = firstResponseDue(submitted, 'P2', inZone('America/New_York'), 'pro');
        expect(due).toBe(at('2026-03-09T14:00:00Z')); // Monday 10:00 EDT
        expect(hoursBetween(submitted, due)).toBe(71);
      });

      it('SC-7 across the autumn DST change (New York, 1 November 2026) the due time keeps the local clock time', () => {
        const submitted = at('2026-10-30T14:00:00Z'); // Friday 10:00 EDT
        const due = firstResponseDue(submitted, 'P2', inZone('America/New_York'), 'pro');
        expect(due).toBe(at('2026-11-02T15:00:00Z')); // Monday 10:00 EST
        expect(hoursBetween(submitted, due)).toBe(73);
      });

      it('SC-7 a weekend submission across the DST change is due at the end of Monday local time', () => {
        expect(firstResponseDue(at('2026-03-07T17:00:00Z'), 'P2', inZone('America/New_York'), 'pro')).toBe(
          at('2026-03-10T04:00:00Z'), // Tuesday 00:00 EDT
        );
      });

      it('SC-7 a due clock time that the DST jump skips moves forward by the jump (Cairo, Friday 24 April 2026)', () => {
        const submitted = at('2026-04-22T22:30:00Z'); // Thursday 00:30 EET; Friday 00:00–01:00 does not exist
        expect(firstResponseDue(submitted, 'P2', inZone('Africa/Cairo'), 'pro')).toBe(
          at('2026-04-23T22:30:00Z'),
        );
      });

      it('SC-7 a due local midnight that the DST jump skips becomes the first instant after it (Santiago)', () => {
        // With Saturday the only business day, a Wednesday submission is due at the end of Saturday 5 September
        // 2026 — Sunday 00:00, which Chile skips (00:00 -04 becomes 01:00 -03).
        const policy = inZone('America/Santiago', ['saturday']);
        expect(firstResponseDue(at('2026-09-02T12:00:00Z'), 'P2', policy, 'pro')).toBe(
          at('2026-09-06T04:00:00Z'),
        );
      });
    });

    describe('Enterprise SLA (SC-13)', () => {
      it('SC-7 an Enterprise P1 is due after the SLA target in elapsed hours, even at the weekend', () => {
        expect(firstResponseDue(at('2026-01-10T10:00:00Z'), 'P1', defaultSupportPolicy, 'enterprise')).toBe(
          at('2026-01-10T11:00:00Z'),
        );
        expect(firstResponseDue(day(0), 'P2', defaultSupportPolicy, 'enterprise')).toBe(day(0, 4));
      });

      it('SC-7 an Enterprise P3 counts business hours only: Friday 20:00 + 8 business hours is Monday 04:00', () => {
        expect(firstResponseDue(at('2026-01-09T20:00:00Z'), 'P3', defaultSupportPolicy, 'enterprise')).toBe(
          at('2026-01-12T04:00:00Z'),
        );
      });

      it('SC-7 an Enterprise P4 gets 1 business day under the default SLA', () => {
        expect(firstResponseDue(day(4, 9), 'P4', defaultSupportPolicy, 'enterprise')).toBe(day(7, 9));
      });

      it('SC-13 the SLA applies to Enterprise only: a Team P1 is due within the default 1 business day', () => {
        expect(firstResponseDue(day(0), 'P1', defaultSupportPolicy, 'team')).toBe(day(1));
        expect(firstResponseDue(day(0), 'P1', defaultSupportPolicy, 'enterprise')).toBe(day(0, 1));
      });

      it('SC-7 configured SLA targets replace the defaults', () => {
        const policy: SupportPolicy = {
          ...defaultSupportPolicy,
          enterpriseSla: { ...defaultSupportPolicy.enterpriseSla, P2: { unit: 'business-days', amount: 2 } },
        };
        expect(firstResponseDue(at('2026-01-08T12:00:00Z'), 'P2', policy, 'enterprise')).toBe(
          at('2026-01-12T12:00:00Z'), // Thursday → Friday → Monday
        );
      });
    });

    describe('configuration', () => {
      it('SC-7 a policy from configuration needs a known time zone, a business day and positive targets', () => {
        const encoded = SupportPolicyCodec.encode(defaultSupportPolicy);
        expect(SupportPolicyCodec.decode(encoded)).toEqual(E.right(defaultSupportPolicy));
        const withCalendar = (calendar: unknown) => ({ ...defaultSupportPolicy, calendar });
        expect(
          E.isLeft(
            SupportPolicyCodec.decode(withCalendar({ timeZone: 'Mars/Olympus', businessDays: ['monday'] })),
          ),
        ).toBe(true);
        expect(E.isLeft(SupportPolicyCodec.decode(withCalendar({ timeZone: 'UTC', businessDays: [] })))).toBe(
          true,
        );
        const zeroSla = {
          ...defaultSupportPolicy,
          enterpriseSla: { ...defaultSupportPolicy.enterpriseSla, P1: { unit: 'hours', amount: 0 } },
        };
        expect(E.isLeft(SupportPolicyCodec.decode(zeroSla))).toBe(true);
      });
    });
  });
});
