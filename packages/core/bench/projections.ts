// `pnpm bench` for projections on the in-memory store: rebuild throughput and peak memory (run with --expose-gc
// so the heap before the rebuild is measured after a collection).
import { createInMemoryProjectionStore, createInMemoryStore } from '../src/index.js';
import { runProjectionBenchmarks } from '../src/testing/index.js';

process.exitCode = await runProjectionBenchmarks([
  {
    name: 'in-memory',
    open: () => {
      const store = createInMemoryStore();
      const states = createInMemoryProjectionStore();
      return Promise.resolve({
        store,
        states,
        dispose: async () => {
          await states.close();
          await store.close();
        },
      });
    },
  },
]);
