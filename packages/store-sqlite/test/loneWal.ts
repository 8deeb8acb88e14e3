import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../src/index.js';
import { newEvents, right } from './helpers.js';

/**
 * `copy.db` in `folder` with its `-wal` and no `-shm`: a store whose last transactions (two events on `case-1`) are
 * only in its `-wal`, copied without the `-shm` while its writer was open, as evidence often is.
 */
export const loneWalCopy = async (folder: string): Promise<string> => {
  const live = join(folder, 'live.db');
  const writer = new Database(live);
  writer.pragma('wal_autocheckpoint = 0');
  writer.close();
  const store = createSqliteStore({ path: live });
  await right(store.append('case-1', 'no-stream', newEvents(2)));
  const copy = join(folder, 'copy.db');
  copyFileSync(live, copy);
  copyFileSync(`${live}-wal`, `${copy}-wal`);
  await store.close();
  return copy;
};
