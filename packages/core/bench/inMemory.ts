// `pnpm bench` for the in-memory store: the store cases of @dossier/core/testing.
import { createInMemoryStore } from '../src/index.js';
import { runStoreBenchmarks } from '../src/testing/index.js';

process.exitCode = await runStoreBenchmarks([
  {
    name: 'in-memory',
    open: () => {
      const store = createInMemoryStore();
      return Promise.resolve({ store, dispose: () => store.close() });
    },
  },
]);
