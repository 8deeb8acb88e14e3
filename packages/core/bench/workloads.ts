// `pnpm bench` for the write path: W1 (10,000 commands on short streams) and W2 (a command on a long stream) of
// the benchmark workload, through Dossier's `handle` on the in-memory store and through the bare baseline loop.
import { fileURLToPath } from 'node:url';
import { createInMemoryStore } from '../src/index.js';
import { inMemoryWorkloadCases, runWorkloads } from '../src/testing/index.js';

process.exitCode = await runWorkloads(
  fileURLToPath(import.meta.url),
  inMemoryWorkloadCases((schema) => {
    const store = createInMemoryStore({ schema });
    return Promise.resolve({ store, dispose: () => store.close() });
  }),
);
