// The conformance suite against a real server (EVENTSTORE_URL). Its tests each want a new, empty store,
// and a server cannot be emptied: each test's store gets a stream prefix of its own, so it sees only its
// own streams in reads of the global log and in subscriptions. Stored events cannot be damaged in place,
// so the suite's corruption tests are not registered here.
import { randomUUID } from 'node:crypto';
import type { EventSchema, EventStore } from '@dossier/core';
import type { ConformanceHarness } from '@dossier/core/testing';

/** Makes a store over the real server under a prefix, and says how to let go of it. */
export type RealServerConnect = (options: {
  readonly schema: EventSchema;
  readonly streamPrefix: string;
}) => Promise<{ readonly store: EventStore; readonly dispose: () => Promise<void> }>;

export const realServerHarness = (connect: RealServerConnect): ConformanceHarness => {
  const disposers = new Map<unknown, () => Promise<void>>();
  return {
    create: async ({ schema }) => {
      const made = await connect({ schema, streamPrefix: `dossier-test-${randomUUID()}/` });
      const subject = { store: made.store };
      disposers.set(subject, made.dispose);
      return subject;
    },
    dispose: async (subject) => {
      const dispose = disposers.get(subject);
      disposers.delete(subject);
      await dispose?.();
    },
    corruptions: [],
  };
};
