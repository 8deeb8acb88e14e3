import { createInMemoryStore, type StoredEventText } from '@dossier/core';
import { describeEventStoreConformance, type Corruption } from '@dossier/core/testing';

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

describeEventStoreConformance('the in-memory store', {
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
});
