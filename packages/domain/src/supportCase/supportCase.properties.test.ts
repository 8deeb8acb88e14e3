import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { toMillis, type Instant } from '../shared/instant.js';
import {
  impactArb,
  instantArb,
  supportCaseEventArb,
  supportCaseRunArb,
} from '../testing/supportCaseArbitraries.js';
import { caseId } from '../testing/supportCaseBuilders.js';
import { parseTimeZone, weekdayIn, type TimeZone } from './calendar.js';
import { decodeSupportCaseCommand, SupportCaseCommandCodec } from './commandCodecs.js';
import { decodeSupportCaseEvent, SupportCaseEventCodec, supportCaseEventTypes } from './codecs.js';
import type { OpenCase, SupportCaseCommand } from './commands.js';
import type { SupportCaseError } from './errors.js';
import type { SupportCaseEvent } from './events.js';
import { firstResponseDue } from './firstResponseDue.js';
import { supportCase } from './index.js';
import { defaultSupportPolicy } from './policy.js';
import { classifyPriority, compareCaseOrder, priorities, type CaseOrderKey } from './priority.js';
import type { SupportCaseState } from './state.js';

const numRuns = Number(process.env['FC_RUNS'] ?? 1000);
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

// ---- An independent model of the lifecycle: which command each state allows, written as plain rules. ----

type ModelStatus = 'unopened' | 'open' | 'in-progress' | 'awaiting-customer' | 'resolved' | 'closed';
interface Model {
  readonly status: ModelStatus;
  readonly requester?: string;
  readonly priority?: string;
  readonly teams: ReadonlyArray<string>;
  readonly incidents: ReadonlyArray<string>;
  readonly remedies: ReadonlyArray<string>;
}
const unopened: Model = { status: 'unopened', teams: [], incidents: [], remedies: [] };

const statusesFor: Record<SupportCaseCommand['type'], ReadonlyArray<ModelStatus>> = {
  OpenCase: ['unopened'],
  StartWork: ['open'],
  RequestInformation: ['in-progress'],
  ProvideInformation: ['awaiting-customer'],
  Escalate: ['open', 'in-progress', 'awaiting-customer'],
  Reprioritise: ['open', 'in-progress', 'awaiting-customer'],
  LinkIncident: ['open', 'in-progress', 'awaiting-customer'],
  RequestOutageRemedy: ['open', 'in-progress', 'awaiting-customer'],
  Resolve: ['in-progress', 'awaiting-customer'],
  ResolveLinkedIncident: ['open', 'in-progress', 'awaiting-customer'],
  RecordSurveyResponse: ['resolved'],
};
const customerCommands: ReadonlyArray<SupportCaseCommand['type']> = [
  'ProvideInformation',
  'RequestOutageRemedy',
  'RecordSurveyResponse',
];

const blank = (text: string): boolean => text.trim().length === 0;

// SC-1, SC-2, SC-3, SC-13, SC-14 as one table of conditions.
const openable = (c: OpenCase): boolean => {
  const { data } = c;
  const technicalTopic = data.topic.category === 'technical' ? data.topic : undefined;
  return (
    data.requester.organisationRole === 'administrator' &&
    !c.actor.email.endsWith('@gmail.com') &&
    (['web', 'email'].includes(data.channel) ||
      (data.customer.offeredChannels as string[]).includes(data.channel)) &&
    c.actor.email === data.requester.registeredEmail &&
    (technicalTopic === undefined ||
      (['developer', 'admin', 'owner'].includes(technicalTopic.project.requesterAccess) &&
        (data.customer.plan !== 'free' || data.customer.paidAddOns.length > 0))) &&
    (!data.premium || data.customer.plan === 'team' || data.customer.plan === 'enterprise') &&
    data.followUpOf !== data.caseId
  );
};

/** The model's verdict: the next model if the command is allowed, `undefined` if it must be refused. */
const step = (m: Model, c: SupportCaseCommand): Model | undefined => {
  if (!statusesFor[c.type].includes(m.status)) return undefined;
  if (c.type !== 'OpenCase') {
    const byRequester = c.actor.id === m.requester;
    if (customerCommands.includes(c.type) !== byRequester) return undefined;
  }
  switch (c.type) {
    case 'OpenCase': {
      if (!openable(c)) return undefined;
      const outOfScope = c.data.topic.category === 'technical' && c.data.topic.scope.area === 'out-of-scope';
      return {
        ...m,
        status: outOfScope ? 'resolved' : 'open',
        requester: c.actor.id,
        priority: classifyPriority(c.data.impact),
      };
    }
    case 'StartWork':
    case 'ProvideInformation':
      return { ...m, status: 'in-progress' };
    case 'RequestInformation':
      return c.data.items.length === 0 ? undefined : { ...m, status: 'awaiting-customer' };
    case 'Escalate':
      return m.teams.includes(c.data.team) ? undefined : { ...m, teams: [...m.teams, c.data.team] };
    case 'Reprioritise':
      return blank(c.data.reason) || c.data.priority === m.priority
        ? undefined
        : { ...m, priority: c.data.priority };
    case 'LinkIncident':
      return m.incidents.includes(c.data.incidentId)
        ? undefined
        : { ...m, incidents: [...m.incidents, c.data.incidentId] };
    case 'RequestOutageRemedy':
      return c.data.remedies.length === 0
        ? undefined
        : { ...m, remedies: [...new Set([...m.remedies, ...c.data.remedies])] };
    case 'Resolve': {
      const o = c.data.outcome;
      if (o.kind === 'cannot-reproduce' && blank(o.recommendations)) return undefined;
      if (o.kind === 'referred-to-third-party' && blank(o.party)) return undefined;
      return { ...m, status: 'resolved' };
    }
    case 'ResolveLinkedIncident':
      return m.incidents.includes(c.data.incidentId) ? { ...m, status: 'resolved' } : undefined;
    case 'RecordSurveyResponse':
      return { ...m, status: 'closed' };
  }
};

interface Step {
  readonly command: SupportCaseCommand;
  readonly result: E.Either<SupportCaseError, ReadonlyArray<SupportCaseEvent>>;
  readonly before: SupportCaseState;
  readonly after: SupportCaseState;
  readonly model: Model;
}

/** Runs the commands through `decide`, folding accepted events with `evolve`; a refusal adds nothing. */
const run = (commands: ReadonlyArray<SupportCaseCommand>) => {
  let state = supportCase.initialState;
  let model = unopened;
  const events: SupportCaseEvent[] = [];
  const steps: Step[] = [];
  for (const command of commands) {
    const before = state;
    const result = supportCase.decide(command, state);
    if (E.isRight(result)) {
      events.push(...result.right);
      state = result.right.reduce(supportCase.evolve, state);
    }
    model = step(model, command) ?? model;
    steps.push({ command, result, before, after: state, model });
  }
  return { state, events, steps };
};

const replay = (events: ReadonlyArray<SupportCaseEvent>): SupportCaseState =>
  events.reduce(supportCase.evolve, supportCase.initialState);

const props = { numRuns };

describe('SupportCase', () => {
  describe('properties', () => {
    it('a command is accepted exactly when the lifecycle model allows it, and a status it does not fit names that status', () => {
      fc.assert(
        fc.property(supportCaseRunArb, (commands) => {
          let model = unopened;
          for (const { command, result, before } of run(commands).steps) {
            const next = step(model, command);
            expect(E.isRight(result), `${command.type} in ${model.status}`).toBe(next !== undefined);
            if (!statusesFor[command.type].includes(model.status)) {
              expect(result).toEqual(
                E.left(expect.objectContaining({ _tag: 'CaseNotInStatus', status: before.status })),
              );
            }
            model = next ?? model;
          }
        }),
        props,
      );
    });

    it('the status after every step is the model status, and a refused command leaves the state as it was', () => {
      fc.assert(
        fc.property(supportCaseRunArb, (commands) => {
          for (const { result, before, after, model } of run(commands).steps) {
            expect(after.status).toBe(model.status);
            if (E.isLeft(result)) expect(after).toBe(before);
          }
        }),
        props,
      );
    });

    it('SC-10 a case is resolved at most once, and its outcome never changes afterwards', () => {
      fc.assert(
        fc.property(supportCaseRunArb, (commands) => {
          const { events, steps } = run(commands);
          const resolutions = events.filter((e) => e.type === 'CaseResolved');
          expect(resolutions.length).toBeLessThanOrEqual(1);
          const outcome = resolutions[0]?.data.outcome;
          for (const { after } of steps) {
            if (after.status === 'resolved' || after.status === 'closed')
              expect(after.outcome).toEqual(outcome);
          }
        }),
        props,
      );
    });

    it('SC-12 every resolution sends the survey with it, and a case is closed only after resolution, survey and one response', () => {
      fc.assert(
        fc.property(supportCaseRunArb, (commands) => {
          const { events, state } = run(commands);
          const types = events.map((e) => e.type);
          types.forEach((type, i) => {
            if (type === 'CaseResolved') expect(types[i + 1]).toBe('SurveySent');
          });
          expect(types.filter((t) => t === 'SurveyResponseRecorded').length).toBeLessThanOrEqual(1);
          if (state.status === 'closed') {
            const resolvedAt = types.indexOf('CaseResolved');
            expect(resolvedAt).toBeGreaterThanOrEqual(0);
            expect(types.indexOf('SurveySent')).toBe(resolvedAt + 1);
            expect(types.at(-1)).toBe('SurveyResponseRecorded');
          } else {
            expect(types).not.toContain('SurveyResponseRecorded');
          }
        }),
        props,
      );
    });

    it('SC-14 nothing but the survey follows a resolution: a resolved case is never reopened', () => {
      fc.assert(
        fc.property(supportCaseRunArb, (commands) => {
          const { events } = run(commands);
          const resolvedAt = events.findIndex((e) => e.type === 'CaseResolved');
          if (resolvedAt < 0) return;
          for (const e of events.slice(resolvedAt + 1))
            expect(['SurveySent', 'SurveyResponseRecorded']).toContain(e.type);
        }),
        props,
      );
    });

    it('SC-4 an accepted out-of-scope request is recorded and resolved not-supported in the same decision', () => {
      fc.assert(
        fc.property(supportCaseRunArb, (commands) => {
          const first = run(commands).steps[0];
          if (first === undefined || E.isLeft(first.result) || first.command.type !== 'OpenCase') return;
          const { topic } = first.command.data;
          const outOfScope = topic.category === 'technical' && topic.scope.area === 'out-of-scope';
          expect(first.result.right.map((e) => e.type)).toEqual(
            outOfScope ? ['CaseOpened', 'CaseResolved', 'SurveySent'] : ['CaseOpened'],
          );
          if (outOfScope)
            expect(first.after).toMatchObject({ status: 'resolved', outcome: { kind: 'not-supported' } });
        }),
        props,
      );
    });

    it('replaying the emitted events, also after a trip through JSON and the codecs, gives the state the runner tracked', () => {
      fc.assert(
        fc.property(supportCaseRunArb, (commands) => {
          const { events, state } = run(commands);
          expect(replay(events)).toEqual(state);
          const stored = events.map((e) => asJson(SupportCaseEventCodec.encode(e)));
          const decoded = stored.map(decodeSupportCaseEvent);
          const loaded = decoded.flatMap((d) => (E.isRight(d) ? [d.right] : []));
          expect(loaded).toHaveLength(events.length);
          expect(replay(loaded)).toEqual(state);
        }),
        props,
      );
    });

    it('every event type survives encode, JSON and decode unchanged', () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(supportCaseEventArb, (event) => {
          seen.add(event.type);
          expect(decodeSupportCaseEvent(asJson(SupportCaseEventCodec.encode(event)))).toEqual(E.right(event));
        }),
        props,
      );
      expect([...seen].sort()).toEqual([...supportCaseEventTypes].sort());
    });

    it('every generated command survives encode, JSON and decode unchanged', () => {
      fc.assert(
        fc.property(supportCaseRunArb, (commands) => {
          for (const command of commands) {
            expect(decodeSupportCaseCommand(asJson(SupportCaseCommandCodec.encode(command)))).toEqual(
              E.right(command),
            );
          }
        }),
        props,
      );
    });

    it('SC-5 a workaround never makes a case more urgent, and widespread mail delay is always P1', () => {
      fc.assert(
        fc.property(impactArb, (facts) => {
          const rank = (f: typeof facts) => priorities.indexOf(classifyPriority(f));
          expect(rank({ ...facts, workaroundExists: true })).toBeGreaterThanOrEqual(
            rank({ ...facts, workaroundExists: false }),
          );
          expect(classifyPriority({ ...facts, widespreadMailDelay: true })).toBe('P1');
        }),
        props,
      );
    });

    it('SC-6 sorting by compareCaseOrder puts higher priority first, then older first, and the order is total', () => {
      const keyArb = fc.record({
        priority: fc.constantFrom(...priorities),
        submittedAt: fc.constantFrom(...[0, 1, 2].map((n) => instantArbDay(n))),
        caseId: fc.constantFrom('a', 'b', 'c').map((id) => caseId(id)),
      });
      fc.assert(
        fc.property(fc.array(keyArb, { maxLength: 12 }), (keys) => {
          const sorted = [...keys].sort(compareCaseOrder);
          for (let i = 1; i < sorted.length; i += 1) {
            const [a, b] = [sorted[i - 1] as CaseOrderKey, sorted[i] as CaseOrderKey];
            const pa = priorities.indexOf(a.priority);
            const pb = priorities.indexOf(b.priority);
            expect(pa).toBeLessThanOrEqual(pb);
            if (pa === pb) expect(toMillis(a.submittedAt)).toBeLessThanOrEqual(toMillis(b.submittedAt));
            expect(Math.sign(compareCaseOrder(a, b))).toBe(-Math.sign(compareCaseOrder(b, a)) || 0);
          }
          expect([...keys].reverse().sort(compareCaseOrder)).toEqual(sorted);
        }),
        props,
      );
    });

    it('SC-7 the default first response is due 23 to 97 hours later, on a business day or at the end of one', () => {
      const zones = [
        'UTC',
        'Asia/Jakarta',
        'America/Los_Angeles',
        'America/New_York',
        'Europe/Berlin',
        'Australia/Lord_Howe',
        'Asia/Kathmandu',
      ].map(zoneOf);
      const businessDays = new Set(defaultSupportPolicy.calendar.businessDays);
      fc.assert(
        fc.property(instantArb, fc.constantFrom(...zones), (submitted, zone) => {
          const policy = {
            ...defaultSupportPolicy,
            calendar: { ...defaultSupportPolicy.calendar, timeZone: zone },
          };
          const due = firstResponseDue(submitted, 'P2', policy, 'pro');
          const hours = (toMillis(due) - toMillis(submitted)) / 3_600_000;
          expect(hours).toBeGreaterThanOrEqual(23);
          expect(hours).toBeLessThanOrEqual(97);
          if (businessDays.has(weekdayIn(submitted, zone)))
            expect(businessDays.has(weekdayIn(due, zone))).toBe(true);
          else expect(weekdayIn(due, zone)).toBe('tuesday'); // the end of Monday
        }),
        props,
      );
    });
  });
});

function zoneOf(name: string): TimeZone {
  const zone = parseTimeZone(name);
  if (E.isLeft(zone)) throw new Error(zone.left);
  return zone.right;
}

function instantArbDay(n: number): Instant {
  return new Date(Date.UTC(2026, 0, 5 + n, 9)).toISOString() as Instant;
}
