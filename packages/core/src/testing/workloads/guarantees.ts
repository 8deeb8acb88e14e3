import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { commandHash } from '../../handling/commandHash.js';
import { commandEventId } from '../../handling/eventIds.js';
import { systemClock } from '../../store/clock.js';
import { GENESIS_HASH } from '../../store/hashChain.js';
import { prepareAppend, type PreparedEvent } from '../../store/prepare.js';
import type { NewEvent } from '../../store/types.js';
import { supportCase, supportCaseSchema, type CaseEvent, type CaseState } from './deciders.js';
import {
  checksum,
  settle,
  w1CaseId,
  w1Cases,
  w1Commands,
  type W1Command,
  type WorkloadResult,
} from './spec.js';

// What W1 costs with nothing but what Dossier guarantees of every command: the decider's decide and evolve as written
// (a new state per event, refusals as values), the command's digest, its events' ids, each event checked and
// encoded by its io-ts codec and chained by its hash — the library's own functions, called as `handle` and the
// stores call them. Nothing else: events kept in a Map of arrays as the baseline keeps them, no copy, no freezing,
// no command-id index, no promise, no decoding on read. No store can be faster than this while keeping those
// guarantees; its ratio to the baseline bounds what `handle` on any store can reach. As in the baseline, a
// command's state is folded from its stream's events, never kept from the command before.

const noEvents: ReadonlyArray<PreparedEvent> = Object.freeze([]);

const stateOf = (events: ReadonlyArray<PreparedEvent>): CaseState => {
  let state = supportCase.initialState;
  for (const event of events) state = supportCase.evolve(state, event as unknown as CaseEvent);
  return state;
};

/** W1's streams as the guarantees-only loop keeps them: each case's prepared events, in order. */
export type BareStreams = Map<string, PreparedEvent[]>;

/**
 * One W1 command as `handle` treats it, minus the store: fold, decide, digest, ids, prepare (encode and chain); the
 * events kept when the stream holds `expected` of them and the domain accepts. `commandId` is the caller's, as in
 * `handle`'s context.
 */
export const handleWithGuaranteesOnly = (
  streams: BareStreams,
  clock: () => string,
  command: W1Command,
  expected: number,
  commandId: string = randomUUID(),
): 'accepted' | 'rejected' => {
  const stream = streams.get(command.caseId) ?? noEvents;
  if (stream.length !== expected) return 'rejected';
  const decided = supportCase.decide(command, stateOf(stream));
  if (E.isLeft(decided)) return 'rejected';
  const hash = commandHash(command);
  const events: NewEvent[] = decided.right.map((event, index) => ({
    type: event.type,
    data: event.data,
    metadata: {
      eventId: commandEventId(command.caseId, commandId, index),
      commandId,
      commandHash: hash,
      correlationId: commandId,
      causationId: commandId,
      actor: 'bench',
    },
  }));
  const last = stream[stream.length - 1];
  const prepared = prepareAppend(
    supportCaseSchema,
    command.caseId,
    { revision: last?.revision ?? null, hash: last?.metadata.hash ?? GENESIS_HASH },
    events,
    clock(),
  );
  if (E.isLeft(prepared)) throw new Error(`W1 guarantees: ${prepared.left.reason}`);
  const held = streams.get(command.caseId);
  if (held === undefined) streams.set(command.caseId, [...prepared.right]);
  else held.push(...prepared.right);
  return 'accepted';
};

/** W1 with only Dossier's per-command guarantees (see above): commands per second, and the sanity lines' checksum. */
export const guaranteesW1 = (): WorkloadResult => {
  const streams: BareStreams = new Map();
  const clock = systemClock();
  const commands = w1Commands();
  const length = (caseId: string): number => streams.get(caseId)?.length ?? 0;
  settle();
  const start = performance.now();
  for (const command of commands) {
    if (handleWithGuaranteesOnly(streams, clock, command, length(command.caseId)) !== 'accepted')
      throw new Error(`W1 guarantees: ${command.type} ${command.caseId} refused`);
  }
  const seconds = (performance.now() - start) / 1000;
  const first = commands[0];
  const respond = commands[w1Cases];
  if (first === undefined || respond === undefined) throw new Error('W1 has no commands');
  const sanity = [
    `dup-open:${handleWithGuaranteesOnly(streams, clock, first, length(first.caseId))}`,
    `respond-after-resolve:${handleWithGuaranteesOnly(streams, clock, respond, length(respond.caseId))}`,
    // Case 1 holds three events: an append expecting two is stale.
    `stale-append:${handleWithGuaranteesOnly(streams, clock, { ...respond, caseId: w1CaseId(1) }, 2)}`,
  ];
  let events = 0;
  let resolved = 0;
  for (let i = 0; i < w1Cases; i++) {
    const stream = streams.get(w1CaseId(i)) ?? noEvents;
    events += stream.length;
    if (stateOf(stream).status === 'resolved') resolved++;
  }
  sanity.push(`events:${events}`, `resolved:${resolved}`);
  return {
    value: commands.length / seconds,
    unit: 'commands/s',
    count: resolved,
    checksum: checksum(sanity),
  };
};
