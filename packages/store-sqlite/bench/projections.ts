// `pnpm bench` for projections on SQLite: rebuild throughput and peak memory, the events in one file of a fresh
// temporary folder (written with `synchronous: 'normal'` to fill it quickly; reading does not depend on it) and
// the projection's state and checkpoint in another, saved with the default `synchronous: 'full'`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProjectionBenchmarks } from '@dossier/core/testing';
import { createSqliteProjectionStore, createSqliteStore } from '../src/index.js';

process.exitCode = await runProjectionBenchmarks([
  {
    name: 'sqlite',
    open: () => {
      const folder = mkdtempSync(join(tmpdir(), 'dossier-bench-projections-'));
      const store = createSqliteStore({ path: join(folder, 'events.db'), synchronous: 'normal' });
      const states = createSqliteProjectionStore({ path: join(folder, 'projections.db') });
      return Promise.resolve({
        store,
        states,
        dispose: async () => {
          await states.close();
          await store.close();
          rmSync(folder, { recursive: true, force: true });
        },
      });
    },
  },
]);
