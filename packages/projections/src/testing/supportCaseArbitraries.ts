import {
  instantFromMillis,
  toMillis,
  type Actor,
  type AgentOutcome,
  type InformationItem,
  type Plan,
  type Priority,
  type SupportCaseCommand,
} from '@dossier/domain';
import fc from 'fast-check';
import type { Step } from './record.js';
import {
  agent,
  day,
  escalate,
  linkIncident,
  liveUpdates,
  openCase,
  otherAgent,
  otherRequester,
  outOfScope,
  provideInformation,
  recordSurveyResponse,
  reprioritise,
  requestInformation,
  requestOutageRemedy,
  requester,
  resolve,
  resolveLinkedIncident,
  startWork,
  statusPage,
  toCase,
} from './supportCase.js';

// A local stand-in for the domain's arbitraries (not importable by package name): several cases from small pools,
// so that commands collide, by the right and the wrong people, at instants that grow by random gaps.

const casePool = ['case-1', 'case-2', 'case-3', 'case-4'] as const;
const priorityArb = fc.constantFrom<Priority>('P1', 'P2', 'P3', 'P4');
const itemsArb = fc.subarray<InformationItem>(['reproduction-steps', 'log-files', 'message-headers']);
const anyoneArb = fc.constantFrom<Actor>(agent, agent, otherAgent, statusPage, requester, otherRequester);
const outcomeArb = fc.constantFrom<AgentOutcome>(
  { kind: 'resolved', how: 'fixed' },
  { kind: 'feature-not-available', featureIdea: 'ideas/42' },
  { kind: 'cannot-reproduce', recommendations: 'enable verbose logs' },
  { kind: 'referred-to-third-party', party: 'Ionic' },
  { kind: 'not-supported' },
);

type Make = (at: ReturnType<typeof day>) => SupportCaseCommand;

const openingArb = (id: string): fc.Arbitrary<Make> =>
  fc
    .record({
      customer: fc.constantFrom('acme', 'globex'),
      plan: fc.constantFrom<Plan>('free', 'pro', 'pro', 'enterprise', 'enterprise'),
      priority: priorityArb,
      topic: fc.constantFrom(liveUpdates, liveUpdates, liveUpdates, outOfScope, {
        category: 'billing',
      } as const),
    })
    .map(
      ({ customer, plan, priority, topic }): Make =>
        (at) =>
          openCase({
            id,
            at,
            customer,
            plan,
            priority,
            topic,
            by: customer === 'acme' ? requester : otherRequester,
          }),
    );

const commandArb = (id: string): fc.Arbitrary<Make> =>
  fc.oneof(
    { arbitrary: openingArb(id), weight: 3 },
    {
      arbitrary: anyoneArb.map(
        (actor): Make =>
          (at) =>
            startWork({ at, actor }),
      ),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(anyoneArb, itemsArb).map(
        ([actor, items]): Make =>
          (at) =>
            requestInformation({ at, actor }, items),
      ),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(anyoneArb, itemsArb).map(
        ([actor, items]): Make =>
          (at) =>
            provideInformation({ at, actor }, items),
      ),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(anyoneArb, fc.constantFrom('mobile', 'platform')).map(
        ([actor, team]): Make =>
          (at) =>
            escalate({ at, actor }, team),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(anyoneArb, priorityArb, fc.constantFrom('', 'customer reports wider impact')).map(
        ([actor, priority, reason]): Make =>
          (at) =>
            reprioritise({ at, actor }, priority, reason),
      ),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(anyoneArb, fc.constantFrom('inc-1', 'inc-2')).map(
        ([actor, inc]): Make =>
          (at) =>
            linkIncident({ at, actor }, inc),
      ),
      weight: 1,
    },
    {
      arbitrary: anyoneArb.map(
        (actor): Make =>
          (at) =>
            requestOutageRemedy({ at, actor }),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(anyoneArb, outcomeArb).map(
        ([actor, outcome]): Make =>
          (at) =>
            resolve({ at, actor }, outcome),
      ),
      weight: 2,
    },
    {
      arbitrary: fc.constantFrom('inc-1', 'inc-2').map(
        (inc): Make =>
          (at) =>
            resolveLinkedIncident({ at }, inc),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(anyoneArb, fc.constantFrom<1 | 3 | 5>(1, 3, 5)).map(
        ([actor, rating]): Make =>
          (at) =>
            recordSurveyResponse({ at, actor }, rating),
      ),
      weight: 1,
    },
  );

/** A command to one of the pooled cases, with the hours since the previous command. */
const stepArb = fc
  .constantFrom(...casePool)
  .chain((id) => fc.tuple(fc.constant(id), commandArb(id), fc.integer({ min: 0, max: 12 })));

/**
 * A run of support-case commands over a few cases, in time order from Monday day(0), each addressed to its stream:
 * openings of some of the cases first, then commands to any case (more openings among them).
 */
export const supportCaseStepsArb: fc.Arbitrary<ReadonlyArray<Step<SupportCaseCommand>>> = fc
  .tuple(
    fc
      .subarray([...casePool], { minLength: 1 })
      .chain((ids) =>
        fc.tuple(
          ...ids.map((id) => fc.tuple(fc.constant(id), openingArb(id), fc.integer({ min: 0, max: 4 }))),
        ),
      ),
    fc.array(stepArb, { minLength: 5, maxLength: 50, size: 'max' }),
  )
  .map(([openings, steps]) => {
    let hours = 0;
    return [...openings, ...steps].map(([id, make, gap]) => {
      hours += gap;
      return toCase(id, make(day(0, hours)));
    });
  });

/** An instant somewhere from the start of the runs to a few days after their end, to evaluate breaches at. */
export const nowArb = fc
  .integer({ min: 0, max: 700 * 60 })
  .map((minutes) => instantFromMillis(toMillis(day(0)) + minutes * 60_000));
