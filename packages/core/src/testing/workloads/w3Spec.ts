import { checksum } from './spec.js';

// W3 of Dossier's benchmark (WORKLOAD.md §4): a deterministic 1,000,000-event log of support cases and the rebuild
// of the open-ticket queue over it, written out here so that a clone needs nothing beside the repository.

const baseMs = Date.parse('2024-01-01T00:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const channels = ['phone', 'chat', 'email'] as const;
const resolutions = [
  'resolved',
  'feature-not-available',
  'cannot-reproduce',
  'referred-to-third-party',
  'not-supported',
  'outage-resolved',
] as const;
const subjects = [
  'Cannot sign in',
  'Live update not applied',
  'Invoice question',
  'App build failing',
  'Analytics missing data',
  'Mail delivery delayed',
  'Permission denied on project',
  'How do I configure channels?',
] as const;

/** W3's size and the count and checksum its queue must end with (WORKLOAD.md §4). */
export const w3Total = 1_000_000;
export const w3Expected = { count: 161_274, checksum: '642d9fa9d08de3a7' } as const;

/** One event of W3's log: its stream (the case id), its 1-based version in the stream, type and data. */
export type W3Event =
  | {
      readonly stream: string;
      readonly version: number;
      readonly type: 'CaseOpened';
      readonly data: {
        readonly caseId: string;
        readonly customerId: string;
        readonly priority: string;
        readonly channel: string;
        readonly subject: string;
        readonly openedAt: string;
      };
    }
  | {
      readonly stream: string;
      readonly version: number;
      readonly type: 'FirstResponseSent';
      readonly data: { readonly agentId: string; readonly at: string };
    }
  | {
      readonly stream: string;
      readonly version: number;
      readonly type: 'CaseResolved';
      readonly data: { readonly resolution: string; readonly at: string };
    };

/** mulberry32, floats in [0, 1). */
const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

interface Active {
  readonly caseId: string;
  willRespond: boolean;
  willResolve: boolean;
  version: number;
}

/** W3's log in global order, drawn exactly as WORKLOAD.md §4 says (seed 0x5EED2024, a window of 1,024 cases). */
export function* w3Events(total = w3Total): Generator<W3Event> {
  const next = mulberry32(0x5eed2024);
  const int = (n: number): number => Math.floor(next() * n);
  const active: Active[] = [];
  let nextCase = 0;
  for (let s = 0; s < total; s++) {
    const clock = baseMs + s * 1000;
    if (active.length < 1024) {
      const caseId = `case-${pad(nextCase++, 7)}`;
      const pr = next();
      const priority = pr < 0.1 ? 'P1' : pr < 0.3 ? 'P2' : pr < 0.7 ? 'P3' : 'P4';
      const channel = channels[int(3)] ?? 'phone';
      const customerId = `cust-${pad(int(5000), 4)}`;
      const subject = subjects[int(8)] ?? '';
      const openedAt = iso(clock - int(7200) * 1000);
      const willRespond = next() < 0.9;
      const willResolve = next() < 0.6;
      yield {
        stream: caseId,
        version: 1,
        type: 'CaseOpened',
        data: { caseId, customerId, priority, channel, subject, openedAt },
      };
      if (willRespond || willResolve) active.push({ caseId, willRespond, willResolve, version: 1 });
    } else {
      const k = int(active.length);
      const c = active[k] as Active;
      c.version++;
      if (c.willRespond) {
        yield {
          stream: c.caseId,
          version: c.version,
          type: 'FirstResponseSent',
          data: { agentId: `agent-${pad(int(50), 2)}`, at: iso(clock) },
        };
        c.willRespond = false;
      } else {
        yield {
          stream: c.caseId,
          version: c.version,
          type: 'CaseResolved',
          data: { resolution: resolutions[int(6)] ?? 'resolved', at: iso(clock) },
        };
        c.willResolve = false;
      }
      if (!c.willRespond && !c.willResolve) {
        active[k] = active[active.length - 1] as Active;
        active.pop();
      }
    }
  }
}

/** A queue entry as W3 folds it. */
export interface W3Queued {
  readonly caseId: string;
  readonly priority: string;
  readonly openedAt: string;
  readonly customerId: string;
  readonly channel: string;
  readonly respondedAt: string | null;
}

/** SC-6 as W3 words it: priority ascending, then `openedAt`, then `caseId` (string comparison). */
export const w3Order = (a: W3Queued, b: W3Queued): number =>
  a.priority < b.priority
    ? -1
    : a.priority > b.priority
      ? 1
      : a.openedAt < b.openedAt
        ? -1
        : a.openedAt > b.openedAt
          ? 1
          : a.caseId < b.caseId
            ? -1
            : a.caseId > b.caseId
              ? 1
              : 0;

/** The queue's count and checksum: its length, and the hash of its first 100 case ids. */
export const w3Checksum = (
  queue: ReadonlyArray<W3Queued>,
): { readonly count: number; readonly checksum: string } => ({
  count: queue.length,
  checksum: checksum(queue.slice(0, 100).map((entry) => entry.caseId)),
});
