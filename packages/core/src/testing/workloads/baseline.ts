import {
  median,
  percentile,
  settle,
  w1CaseId,
  w1Cases,
  w1Commands,
  w2Commands,
  w2SeedEvents,
  w2StateChecksum,
  w2Stream,
  checksum,
  type W1Command,
  type W2Command,
  type WorkloadResult,
} from './spec.js';

// The baseline of WORKLOAD.md §5: a Map of plain arrays, no serialisation, no metadata, the same load, fold,
// decide and append with an expected-version check. It is the floor of the work the cycle itself requires;
// its state is mutated in place, as the reference's is, which a decider may not do.

class ConcurrencyError extends Error {}
class Rejected extends Error {}

interface BareEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, string>>;
}

const bareStore = () => {
  const streams = new Map<string, BareEvent[]>();
  const empty: ReadonlyArray<BareEvent> = Object.freeze([]);
  const read = (stream: string): ReadonlyArray<BareEvent> => streams.get(stream) ?? empty;
  const append = (stream: string, events: ReadonlyArray<BareEvent>, expectedVersion: number): number => {
    let held = streams.get(stream);
    const current = held?.length ?? 0;
    if (current !== expectedVersion) throw new ConcurrencyError(`${stream}: expected ${expectedVersion}`);
    if (held === undefined) streams.set(stream, (held = []));
    for (const event of events) held.push(event);
    return held.length;
  };
  const handle = <S>(
    stream: string,
    evolve: (s: S, e: BareEvent) => S,
    initial: () => S,
    decide: (s: S) => ReadonlyArray<BareEvent>,
  ): number => {
    const events = read(stream);
    let state = initial();
    for (const event of events) state = evolve(state, event);
    return append(stream, decide(state), events.length);
  };
  return { read, append, handle };
};

interface CaseState {
  readonly status: 'none' | 'open' | 'resolved';
  readonly responded: boolean;
}
const caseInitial = (): CaseState => ({ status: 'none', responded: false });
const caseEvolve = (s: CaseState, e: BareEvent): CaseState => {
  switch (e.type) {
    case 'CaseOpened':
      return { status: 'open', responded: false };
    case 'FirstResponseSent':
      return { ...s, responded: true };
    case 'CaseResolved':
      return { ...s, status: 'resolved' };
    default:
      return s;
  }
};
const caseDecide =
  (c: W1Command) =>
  (s: CaseState): ReadonlyArray<BareEvent> => {
    switch (c.type) {
      case 'OpenCase':
        if (s.status !== 'none') throw new Rejected('CaseAlreadyExists');
        return [
          {
            type: 'CaseOpened',
            data: {
              caseId: c.caseId,
              customerId: c.customerId,
              priority: c.priority,
              channel: c.channel,
              subject: c.subject,
              openedAt: c.at,
            },
          },
        ];
      case 'RespondToCase':
        if (s.status !== 'open' || s.responded) throw new Rejected('CannotRespond');
        return [{ type: 'FirstResponseSent', data: { agentId: c.agentId, at: c.at } }];
      case 'ResolveCase':
        if (s.status !== 'open') throw new Rejected('CannotResolve');
        return [{ type: 'CaseResolved', data: { resolution: c.resolution, at: c.at } }];
    }
  };

type Permissions = Map<string, Set<string>>;
const profileEvolve = (s: Permissions, e: BareEvent): Permissions => {
  const userId = e.data['userId'] ?? '';
  const permission = e.data['permission'] ?? '';
  if (e.type === 'PermissionGranted') {
    let held = s.get(userId);
    if (held === undefined) s.set(userId, (held = new Set()));
    held.add(permission);
  } else if (e.type === 'PermissionRevoked') s.get(userId)?.delete(permission);
  return s;
};
const profileDecide =
  (c: W2Command) =>
  (s: Permissions): ReadonlyArray<BareEvent> => {
    if (s.get(c.userId)?.has(c.permission) === true) throw new Rejected('AlreadyGranted');
    return [{ type: 'PermissionGranted', data: { userId: c.userId, permission: c.permission } }];
  };

const outcome = (run: () => unknown, label: string, expected: new (message: string) => Error): string => {
  try {
    run();
    return `${label}:accepted`;
  } catch (thrown) {
    return `${label}:${thrown instanceof expected ? 'rejected' : 'error'}`;
  }
};

/** W1 on the bare loop: commands per second, and the sanity lines' checksum. */
export const baselineW1 = (): WorkloadResult => {
  const store = bareStore();
  const commands = w1Commands();
  settle();
  const start = performance.now();
  for (const c of commands) store.handle(c.caseId, caseEvolve, caseInitial, caseDecide(c));
  const seconds = (performance.now() - start) / 1000;
  const first = commands[0];
  const respond = commands[w1Cases];
  if (first === undefined || respond === undefined) throw new Error('W1 has no commands');
  const sanity = [
    outcome(
      () => store.handle(w1CaseId(0), caseEvolve, caseInitial, caseDecide(first)),
      'dup-open',
      Rejected,
    ),
    outcome(
      () => store.handle(w1CaseId(0), caseEvolve, caseInitial, caseDecide(respond)),
      'respond-after-resolve',
      Rejected,
    ),
    outcome(
      () =>
        store.append(w1CaseId(1), [{ type: 'FirstResponseSent', data: { agentId: 'x', at: first.at } }], 2),
      'stale-append',
      ConcurrencyError,
    ),
  ];
  let events = 0;
  let resolved = 0;
  for (let i = 0; i < w1Cases; i++) {
    const stream = store.read(w1CaseId(i));
    events += stream.length;
    if (stream.reduce(caseEvolve, caseInitial()).status === 'resolved') resolved++;
  }
  sanity.push(`events:${events}`, `resolved:${resolved}`);
  return {
    value: commands.length / seconds,
    unit: 'commands/s',
    count: resolved,
    checksum: checksum(sanity),
  };
};

/** W2 on the bare loop over a seed of `seedEvents`: the median latency of a command in ms. */
export const baselineW2 = (seedEvents: number): WorkloadResult => {
  const store = bareStore();
  store.append(w2Stream, w2SeedEvents(seedEvents), 0);
  const commands = w2Commands();
  settle();
  const latencies: number[] = [];
  for (const c of commands) {
    const start = performance.now();
    store.handle(w2Stream, profileEvolve, () => new Map(), profileDecide(c));
    latencies.push(performance.now() - start);
  }
  const final = store.read(w2Stream).reduce(profileEvolve, new Map());
  return {
    value: median(latencies),
    unit: 'ms (median)',
    p95: percentile(latencies, 95),
    ...w2StateChecksum(final),
  };
};

/** The bare loop over some W1 commands in order: commands per second, and the streams it opened. */
export const baselineOpens = (commands: ReadonlyArray<W1Command>): WorkloadResult => {
  const store = bareStore();
  settle();
  const start = performance.now();
  for (const c of commands) store.handle(c.caseId, caseEvolve, caseInitial, caseDecide(c));
  const seconds = (performance.now() - start) / 1000;
  const opened = commands.filter((c) => store.read(c.caseId).length === 1).map((c) => c.caseId);
  opened.sort();
  return {
    value: commands.length / seconds,
    unit: 'commands/s',
    count: opened.length,
    checksum: checksum(opened),
  };
};
