// `pnpm bench` for the SQLite write path, on files in fresh temporary folders: W1 and W2 of the workload with
// `synchronous: 'normal'`, and commands on distinct streams by 1 and by 32 concurrent callers with the durable
// default `'full'` (one fsync per commit: what group commit shares out), each beside the bare baseline loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { concurrentCase, runWorkloads, workloadCases, type OpenWorkloadStore } from '@dossier/core/testing';
import { createSqliteStore } from '../src/index.js';

const onFile =
  (synchronous: 'full' | 'normal'): OpenWorkloadStore =>
  (schema) => {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-workload-'));
    const store = createSqliteStore({ path: join(folder, 'events.db'), schema, synchronous });
    return Promise.resolve({
      store,
      dispose: async () => {
        await store.close();
        rmSync(folder, { recursive: true, force: true });
      },
    });
  };

process.exitCode = await runWorkloads(fileURLToPath(import.meta.url), [
  ...workloadCases('sqlite normal', onFile('normal')),
  concurrentCase('sqlite full', onFile('full'), 1, 1_000),
  concurrentCase('sqlite full', onFile('full'), 32, 6_400),
]);
