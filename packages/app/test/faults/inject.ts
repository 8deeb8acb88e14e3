// Where and which faults: before a command, with some probability, one fault is armed on the test server for the
// next append, read or subscription call to come — whoever makes it (a writer, the loader, a read model's
// subscription) — or every connection is reset at once. Drawn from the seed, so a seed names a run.
import type { Fault, FaultTarget, TestServer } from '@dossier/eventstoredb-test-server';
import type { BeforeCommand } from './run.js';
import { dice } from './workload.js';

/** The kinds of fault a run draws from, each with the targets it is armed on. */
const menu: ReadonlyArray<(roll: () => number) => { readonly target: FaultTarget; readonly fault: Fault }> = [
  () => ({ target: 'append', fault: { kind: 'dropAfterCommit' } }),
  () => ({ target: 'append', fault: { kind: 'drop' } }),
  () => ({ target: 'append', fault: { kind: 'timeout', committed: true } }),
  () => ({ target: 'append', fault: { kind: 'timeout', committed: false } }),
  () => ({ target: 'append', fault: { kind: 'notLeader' } }),
  (roll) => ({ target: 'append', fault: { kind: 'delay', ms: 1 + Math.floor(roll() * 20) } }),
  (roll) => ({ target: 'read', fault: { kind: 'drop', afterMessages: Math.floor(roll() * 3) } }),
  () => ({ target: 'read', fault: { kind: 'notLeader' } }),
  () => ({ target: 'read', fault: { kind: 'timeout' } }),
  (roll) => ({ target: 'subscription', fault: { kind: 'drop', afterMessages: 1 + Math.floor(roll() * 20) } }),
  (roll) => ({ target: 'append', fault: { kind: 'silent', ms: 20 + Math.floor(roll() * 60) } }),
];

/** What a run injected: by kind and target, and the connection resets. */
export interface Injected {
  readonly byKind: Record<string, number>;
  resets: number;
}

/** Arms a random fault before a command with probability `rate` (on the server, or the one `target()` names now); now and then resets every connection. */
export const serverFaults = (
  serverOrLeader: TestServer | (() => TestServer),
  seed: number,
  rate: number,
): { readonly before: BeforeCommand; readonly injected: Injected } => {
  const roll = dice(seed);
  const injected: Injected = { byKind: {}, resets: 0 };
  const before: BeforeCommand = () => {
    if (roll() >= rate) return;
    // A cluster's faults go to the node that leads now.
    const server = typeof serverOrLeader === 'function' ? serverOrLeader() : serverOrLeader;
    if (roll() < 0.05) {
      server.faults.dropConnections();
      injected.resets += 1;
      return;
    }
    const { target, fault } = menu[Math.floor(roll() * menu.length)]!(roll);
    server.faults.inject(target, fault);
    const key = `${target} ${fault.kind}`;
    injected.byKind[key] = (injected.byKind[key] ?? 0) + 1;
  };
  return { before, injected };
};
