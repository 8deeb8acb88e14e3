import * as E from 'fp-ts/lib/Either.js';
import { toMillis, type Instant } from '@dossier/domain';
import { on } from '../calendar.js';
import type { Outcome } from '../runtime/outcome.js';
import type { DemoRuntime } from '../runtime/runtime.js';
import {
  stepAt,
  type Expectation,
  type IncidentResolvedStep,
  type Step,
  type Topic,
} from '../scenario/index.js';
import type { SimulatedClock } from './clock.js';

/** One command the story played and what became of it. */
export interface Played {
  readonly id: string;
  readonly topic: Topic | 'scheduler';
  readonly at: Instant;
  readonly says: string;
  readonly outcome: Outcome;
  /** Set when the outcome is not the one the script expects. */
  readonly surprise?: string;
}

const describeOutcome = (outcome: Outcome): string => {
  switch (outcome.kind) {
    case 'accepted':
    case 'repeated':
      return outcome.kind;
    case 'refused':
      return `refused with ${outcome.refusal._tag}`;
    case 'failed':
      return `failed with ${outcome.error._tag}`;
  }
};

const surpriseOf = (expect: Expectation, outcome: Outcome): string | undefined => {
  const met =
    expect === 'accepted'
      ? outcome.kind === 'accepted' || outcome.kind === 'repeated'
      : outcome.kind === 'refused' && outcome.refusal._tag === expect.refused;
  if (met) return undefined;
  const wanted = expect === 'accepted' ? 'acceptance' : `a refusal with ${expect.refused}`;
  return `expected ${wanted}, got ${describeOutcome(outcome)}`;
};

// The expiry scheduler runs every night at 00:00 in Jakarta (17:00 UTC), which is 15 hours after on(day).
const midnightsBetween = (from: Instant, to: Instant): ReadonlyArray<Instant> => {
  const nights: Instant[] = [];
  for (let day = 0; toMillis(on(day, 15)) <= toMillis(to); day++) {
    if (toMillis(on(day, 15)) > toMillis(from)) nights.push(on(day, 15));
  }
  return nights;
};

// The status page reports the end; Dossier's incident flow finds the linked open cases and resolves them (SC-11).
const resolveIncident = async (
  runtime: DemoRuntime,
  step: IncidentResolvedStep,
): Promise<ReadonlyArray<Played>> => {
  const reported = await runtime.resolveIncident(step.incidentId, step.at);
  const base = { topic: step.topic, at: step.at };
  if (E.isLeft(reported)) {
    const outcome = reported.left;
    return [
      {
        ...base,
        id: step.id,
        says: step.says,
        outcome,
        surprise: `expected acceptance, got ${describeOutcome(outcome)}`,
      },
    ];
  }
  const resolved = [...reported.right].sort();
  const expected = [...step.cases].sort();
  const surprise =
    resolved.join() === expected.join()
      ? undefined
      : `expected the flow to resolve ${expected.join(', ') || 'nothing'}, it resolved ${resolved.join(', ') || 'nothing'}`;
  if (resolved.length === 0)
    return [
      {
        ...base,
        id: step.id,
        says: step.says,
        outcome: { kind: 'repeated', events: [] },
        ...(surprise === undefined ? {} : { surprise }),
      },
    ];
  return resolved.map((caseId, index) => ({
    ...base,
    id: `${step.id}:${caseId}`,
    says: `${step.says}: ${caseId}`,
    outcome: { kind: 'accepted', events: ['CaseResolved'] },
    ...(surprise === undefined || index > 0 ? {} : { surprise }),
  }));
};

const expireOvernight = async (
  runtime: DemoRuntime,
  clock: SimulatedClock,
  night: Instant,
): Promise<ReadonlyArray<Played>> => {
  clock.set(night);
  const outcomes = await runtime.expireDue(night);
  return outcomes.map((outcome, index) => ({
    id: `expiry@${night}#${index}`,
    topic: 'scheduler',
    at: night,
    says: 'The nightly scheduler expires an invitation 14 days after its last sending (IN-2)',
    outcome,
  }));
};

/**
 * Plays the script in order through the runtime: the clock moves to each step's instant, the expiry scheduler runs at
 * every midnight passed, and every outcome is checked against what the script expects.
 */
export const play = async (
  runtime: DemoRuntime,
  script: ReadonlyArray<Step>,
  clock: SimulatedClock,
  until: Instant,
): Promise<ReadonlyArray<Played>> => {
  const played: Played[] = [];
  for (const step of script) {
    const at = stepAt(step);
    for (const night of midnightsBetween(clock.now(), at))
      played.push(...(await expireOvernight(runtime, clock, night)));
    clock.set(at);
    if (step.kind === 'incidentResolved') {
      played.push(...(await resolveIncident(runtime, step)));
      continue;
    }
    const outcome = await runtime.execute(step.request, step.id);
    const surprise = surpriseOf(step.expect, outcome);
    played.push({
      id: step.id,
      topic: step.topic,
      at,
      says: step.says,
      outcome,
      ...(surprise === undefined ? {} : { surprise }),
    });
  }
  for (const night of midnightsBetween(clock.now(), until))
    played.push(...(await expireOvernight(runtime, clock, night)));
  clock.set(until);
  return played;
};
