// `pnpm bench` for the write path: W1 (10,000 commands on short streams) and W2 (a command on a long stream) of
// the benchmark workload, through Dossier's `handle` on the in-memory store and through the bare baseline loop; W1
// with nothing but the work of Dossier's guarantees, the ceiling any store's W1 stays under; and W3 (the rebuild of
// the open-ticket queue over 1,000,000 events) through the projection runner, beside its baseline.
import { fileURLToPath } from 'node:url';
import { createInMemoryStore } from '../src/index.js';
import { inMemoryWorkloadCases, runWorkloads, w1GuaranteesCase, w3Case } from '../src/testing/index.js';

process.exitCode = await runWorkloads(fileURLToPath(import.meta.url), [
  ...inMemoryWorkloadCases((schema) => {
    const store = createInMemoryStore({ schema });
    return Promise.resolve({ store, dispose: () => store.close() });
  }),
  // W1 with only what every command must do to keep Dossier's guarantees, no store: the ceiling of W1's ratio.
  w1GuaranteesCase,
  // W3: the open-ticket queue rebuilt over 1,000,000 events by the projection runner, in memory.
  w3Case('in-memory', () => {
    const store = createInMemoryStore();
    return Promise.resolve({ store, dispose: () => store.close() });
  }),
]);
