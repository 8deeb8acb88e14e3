import * as t from 'io-ts';
import { utc, TimeZoneCodec, type SupportCalendar, type Weekday } from './calendar.js';
import type { Priority } from './priority.js';

/**
 * How long support has to respond first: elapsed `hours` around the clock, `business-hours` (elapsed hours counted
 * only on business days) or `business-days` (see `addBusinessDays`). `amount` is positive.
 */
export interface ResponseTarget {
  readonly unit: 'hours' | 'business-hours' | 'business-days';
  readonly amount: number;
}

/** The support organisation's configuration; the decider is made from one ({@link makeSupportCase}). */
export interface SupportPolicy {
  /** Mail domains of consumer accounts, which may not open cases (SC-1); compared without regard to case. */
  readonly consumerMailDomains: ReadonlyArray<string>;
  /** The calendar that business days and hours are counted in (SC-7). */
  readonly calendar: SupportCalendar;
  /** Enterprise customers' SLA: a first-response target per priority, replacing the default (SC-7, SC-13). */
  readonly enterpriseSla: { readonly [P in Priority]: ResponseTarget };
}

/** SC-7: without an SLA, the first response is due within 1 business day. */
export const standardFirstResponse: ResponseTarget = { unit: 'business-days', amount: 1 };

/** A sensible default: common consumer mail domains, Monday–Friday in UTC, and a four-step Enterprise SLA. */
export const defaultSupportPolicy: SupportPolicy = {
  consumerMailDomains: [
    'gmail.com',
    'googlemail.com',
    'yahoo.com',
    'ymail.com',
    'outlook.com',
    'hotmail.com',
    'live.com',
    'msn.com',
    'icloud.com',
    'me.com',
    'aol.com',
    'proton.me',
    'protonmail.com',
    'gmx.com',
    'mail.com',
    'yandex.com',
  ],
  calendar: { timeZone: utc, businessDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] },
  enterpriseSla: {
    P1: { unit: 'hours', amount: 1 },
    P2: { unit: 'hours', amount: 4 },
    P3: { unit: 'business-hours', amount: 8 },
    P4: { unit: 'business-days', amount: 1 },
  },
};

const PositiveNumberCodec = t.refinement(t.number, (n) => Number.isFinite(n) && n > 0, 'PositiveNumber');

const ResponseTargetCodec: t.Type<ResponseTarget, unknown> = t.strict({
  unit: t.keyof({ hours: null, 'business-hours': null, 'business-days': null }),
  amount: PositiveNumberCodec,
});

const WeekdayCodec: t.Type<Weekday, unknown> = t.keyof({
  monday: null,
  tuesday: null,
  wednesday: null,
  thursday: null,
  friday: null,
  saturday: null,
  sunday: null,
});

const BusinessDaysCodec = t.refinement(
  t.readonlyArray(WeekdayCodec),
  (days): days is readonly [Weekday, ...Weekday[]] => days.length > 0,
  'NonEmptyBusinessDays',
);

/** Decodes a support policy from configuration: a known time zone, at least one business day, positive targets. */
export const SupportPolicyCodec: t.Type<SupportPolicy, unknown> = t.strict({
  consumerMailDomains: t.readonlyArray(t.string),
  calendar: t.strict({ timeZone: TimeZoneCodec, businessDays: BusinessDaysCodec }),
  enterpriseSla: t.strict({
    P1: ResponseTargetCodec,
    P2: ResponseTargetCodec,
    P3: ResponseTargetCodec,
    P4: ResponseTargetCodec,
  }),
});
