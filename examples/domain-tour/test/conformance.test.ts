// How an adapter runs the store conformance suite, shown on the in-memory store (the suite runs against SQLite and
// EventStoreDB in their own packages). docs/stores.md quotes this file.
// #region conformance
import { createInMemoryStore, type StoredEventText } from '@dossier/core';
import { describeEventStoreConformance, type Corruption } from '@dossier/core/testing';

/** Damages a stored event behind the port's back, as the suite asks, to prove that reads report it. */
const damage =
  (how: Corruption) =>
  (stored: StoredEventText): StoredEventText => {
    switch (how.kind) {
      case 'garble-data':
        return { ...stored, data: stored.data.slice(0, -1) };
      case 'unknown-type':
        return { ...stored, type: how.type };
      case 'edit-data':
        return { ...stored, data: JSON.stringify(how.data) };
    }
  };

describeEventStoreConformance('my adapter', {
  // A new, empty store for each test, with the schema the suite gives.
  create: ({ schema }) => {
    const store = createInMemoryStore({ schema });
    return Promise.resolve({
      store,
      corrupt: (stream, revision, how) =>
        store.tamper(stream, revision, damage(how))
          ? Promise.resolve()
          : Promise.reject(new Error(`no event at ${stream}@${revision}`)),
    });
  },
  dispose: (subject) => subject.store.close(),
});
// #endregion conformance
