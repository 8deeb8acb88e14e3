// `pnpm bench` for the SQLite store, on a file in a fresh temporary folder: with the default `synchronous: 'full'`
// (an acknowledged append survives power loss) and with `'normal'` (survives a crash of the process only).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreBenchmarks, type BenchmarkSubject } from '@dossier/core/testing';
import { createSqliteStore } from '../src/index.js';

const onFile = (synchronous: 'full' | 'normal'): BenchmarkSubject => ({
  name: `sqlite (synchronous ${synchronous})`,
  open: () => {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
    const store = createSqliteStore({ path: join(folder, 'events.db'), synchronous });
    return Promise.resolve({
      store,
      dispose: async () => {
        await store.close();
        rmSync(folder, { recursive: true, force: true });
      },
    });
  },
});

process.exitCode = await runStoreBenchmarks([onFile('full'), onFile('normal')]);
