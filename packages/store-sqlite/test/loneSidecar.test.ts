import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSqliteProjectionStore,
  createSqliteStore,
  holdsEventStore,
  openSqliteStore,
} from '../src/index.js';
import { left, newEvents, right, tempFolder } from './helpers.js';
import { loneWalCopy } from './loneWal.js';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const sidecars = (path: string): ReadonlyArray<string> =>
  [`${path}-wal`, `${path}-shm`].filter((file) => existsSync(file));
const refusal = {
  _tag: 'StoreUnavailable',
  cause: expect.stringMatching(
    /copy\.db-wal is there without .*copy\.db-shm.*opening it once read-write/,
  ) as string,
};
// Far beyond the test's own time limit (5 s): a refusal that waited for this bound would never be seen.
const tenMinutes = 600_000;

describe('A -wal without its -shm (a crash, an exclusive lock or a partial copy), read-only', () => {
  let temp: ReturnType<typeof tempFolder> | undefined;
  afterEach(() => temp?.remove());

  it('a read-only open refuses it, creating no file, and reads it once recovered', async () => {
    temp = tempFolder();
    const copy = await loneWalCopy(temp.folder);
    const before = [sha(copy), sha(`${copy}-wal`)];
    expect(await left(openSqliteStore({ path: copy, readOnly: true, busyTimeoutMs: 100 }))).toEqual(refusal);
    expect(sidecars(copy)).toEqual([`${copy}-wal`]);
    expect([sha(copy), sha(`${copy}-wal`)]).toEqual(before);
    // A read-write open recovers the log from the -wal; after it, read-only opens work and leave nothing.
    const recovering = await right(openSqliteStore({ path: copy }));
    expect(await right(recovering.readAll())).toHaveLength(2);
    await recovering.close();
    const reader = await right(openSqliteStore({ path: copy, readOnly: true }));
    expect(await right(reader.readAll())).toHaveLength(2);
    await reader.close();
    expect(sidecars(copy)).toEqual([]);
  });

  it('a read-only open refuses it at once, not after the busy timeout: it is no lock that a wait would see go', async () => {
    temp = tempFolder();
    const copy = await loneWalCopy(temp.folder);
    expect(await left(openSqliteStore({ path: copy, readOnly: true, busyTimeoutMs: tenMinutes }))).toEqual(
      refusal,
    );
    const created = createSqliteStore({ path: copy, readOnly: true, busyTimeoutMs: tenMinutes });
    expect(await left(created.readAll())).toEqual(refusal);
    await created.close();
    expect(sidecars(copy)).toEqual([`${copy}-wal`]);
  });

  it('holdsEventStore answers StoreUnavailable naming it, at once, creating no -shm and changing no byte', async () => {
    temp = tempFolder();
    const copy = await loneWalCopy(temp.folder);
    const before = [sha(copy), sha(`${copy}-wal`)];
    expect(await left(holdsEventStore(copy))).toEqual({
      _tag: 'StoreUnavailable',
      cause: expect.stringMatching(
        new RegExp(
          `^cannot tell whether ${copy} is an event store: ${copy}-wal is there without ${copy}-shm`,
        ),
      ) as string,
    });
    expect(sidecars(copy)).toEqual([`${copy}-wal`]);
    expect([sha(copy), sha(`${copy}-wal`)]).toEqual(before);
  });
});

describe('holdsEventStore', () => {
  let temp: ReturnType<typeof tempFolder> | undefined;
  afterEach(() => temp?.remove());

  it('tells an event store from a projection store, a missing file and a file that is not SQLite, leaving no file', async () => {
    temp = tempFolder();
    const events = createSqliteStore({ path: temp.dbPath });
    await right(events.append('case-1', 'no-stream', newEvents(1)));
    await events.close();
    const projectionsPath = join(temp.folder, 'projections.db');
    await createSqliteProjectionStore({ path: projectionsPath }).close();
    expect(await right(holdsEventStore(temp.dbPath))).toBe(true);
    expect(await right(holdsEventStore(projectionsPath))).toBe(false);
    expect(await right(holdsEventStore(join(temp.folder, 'missing.db')))).toBe(false);
    const text = join(temp.folder, 'notes.txt');
    writeFileSync(text, 'not a database');
    expect(await right(holdsEventStore(text))).toBe(false);
    expect(sidecars(text)).toEqual([]);
    expect(sidecars(temp.dbPath)).toEqual([]);
    expect(sidecars(projectionsPath)).toEqual([]);
  });
});
