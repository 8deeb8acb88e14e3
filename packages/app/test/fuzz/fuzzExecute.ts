import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { createInMemoryStore, handle, type Decider, type EventStore } from '@dossier/core';
import { aggregateNames, dossierDeciders, execute, type AggregateName } from '../../src/index.js';
import { fuzzInputArb, type FuzzInput } from './fuzzInputs.js';

/** One input that broke a promise, and how to find it again. */
export interface FuzzFailure {
  readonly aggregate: AggregateName;
  readonly via: FuzzEntry;
  readonly seed: number;
  readonly index: number;
  readonly how: string;
  readonly what: string;
}

/** What a fuzz run found: every count should be 0 but `runs`, `decodeFailed` and `accepted`. */
export interface FuzzReport {
  readonly runs: number;
  readonly syncThrows: number;
  readonly asyncThrows: number;
  /** Inputs invalid by construction that were not answered `DecodeFailed`. */
  readonly invalidNotRefused: number;
  /** Events appended while answering an input with an error. */
  readonly appendsFromRefused: number;
  readonly decodeFailed: number;
  readonly accepted: number;
  readonly failures: ReadonlyArray<FuzzFailure>;
}

const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));

/** The store, counting every event it is asked to append. */
const counting = (store: EventStore): { readonly store: EventStore; readonly appended: () => number } => {
  let appended = 0;
  return {
    store: {
      ...store,
      append: (stream, expected, events) => {
        appended += events.length;
        return store.append(stream, expected, events);
      },
    },
    appended: () => appended,
  };
};

const deciders = dossierDeciders();

// The three deciders differ in type; the handler is given whichever the aggregate names, as any decider.
type AnyDecider = Decider<
  { readonly type: string },
  unknown,
  { readonly type: string; readonly data: unknown },
  { readonly _tag: string }
>;

/** The public entry an input is sent through: the app's `execute`, or core's command handler with a domain decider. */
export type FuzzEntry = 'execute' | 'handle';

// The input is whatever a caller might send: the static type is the caller's promise, not checked here.
const send = (via: FuzzEntry, store: EventStore, aggregate: AggregateName, command: unknown, id: string) =>
  via === 'execute'
    ? execute(store, deciders, aggregate, `${aggregate}-fuzz`, command as never)
    : handle(store, deciders[aggregate] as unknown as AnyDecider, {
        stream: `${aggregate}-fuzz`,
        command: command as never,
        context: { commandId: id, actor: 'fuzz' },
      });

/**
 * Sends `runs` inputs drawn with `seed` to `execute` (or `handle`) on one aggregate, on a fresh in-memory store per
 * 10,000, and counts every throw, every invalid input not refused as `DecodeFailed`, and every event appended for a
 * refusal.
 */
export const fuzzExecute = async (
  aggregate: AggregateName,
  runs: number,
  seed: number,
  via: FuzzEntry = 'execute',
): Promise<FuzzReport> => {
  const chunk = 10_000;
  const failures: FuzzFailure[] = [];
  const counts = {
    syncThrows: 0,
    asyncThrows: 0,
    invalidNotRefused: 0,
    appendsFromRefused: 0,
    decodeFailed: 0,
    accepted: 0,
  };
  const fail = (index: number, chunkSeed: number, input: FuzzInput, what: string): void => {
    if (failures.length < 20) failures.push({ aggregate, via, seed: chunkSeed, index, how: input.how, what });
  };
  for (let start = 0; start < runs; start += chunk) {
    const chunkSeed = (seed + start / chunk) | 0;
    const inputs = fc.sample(fuzzInputArb(aggregate), {
      numRuns: Math.min(chunk, runs - start),
      seed: chunkSeed,
    });
    const { store, appended } = counting(createInMemoryStore());
    for (const [index, input] of inputs.entries()) {
      const before = appended();
      let task;
      try {
        task = send(via, store, aggregate, input.command, `fuzz-${chunkSeed}-${index}`);
      } catch (thrown) {
        counts.syncThrows += 1;
        fail(index, chunkSeed, input, `threw at once: ${messageOf(thrown)}`);
        continue;
      }
      let result;
      try {
        result = await task();
      } catch (thrown) {
        counts.asyncThrows += 1;
        fail(index, chunkSeed, input, `rejected: ${messageOf(thrown)}`);
        continue;
      }
      const refusedAsInvalid = E.isLeft(result) && result.left._tag === 'DecodeFailed';
      if (refusedAsInvalid) counts.decodeFailed += 1;
      if (E.isRight(result)) counts.accepted += 1;
      if (input.invalid && !refusedAsInvalid) {
        counts.invalidNotRefused += 1;
        fail(index, chunkSeed, input, `answered ${E.isLeft(result) ? result.left._tag : 'Right'}`);
      }
      if (E.isLeft(result) && appended() !== before) {
        counts.appendsFromRefused += appended() - before;
        fail(
          index,
          chunkSeed,
          input,
          `appended ${appended() - before} events and answered ${result.left._tag}`,
        );
      }
    }
  }
  return { runs, ...counts, failures };
};

/** {@link fuzzExecute} on every aggregate through both entries, `runs` each. */
export const fuzzEveryAggregate = async (
  runs: number,
  seed: number,
): Promise<ReadonlyArray<readonly [string, FuzzReport]>> => {
  const reports: Array<readonly [string, FuzzReport]> = [];
  for (const via of ['execute', 'handle'] as const)
    for (const aggregate of aggregateNames)
      reports.push([`${via} ${aggregate}`, await fuzzExecute(aggregate, runs, seed, via)]);
  return reports;
};
