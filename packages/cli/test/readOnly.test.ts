import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { profileStream } from './support/fill.js';
import { useFilledStore } from './support/fixture.js';
import { dossier } from './support/runCli.js';

const fixture = useFilledStore();
const cli = (...args: ReadonlyArray<string>) => dossier(args, { cwd: fixture.folder });
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const filesBeside = (path: string): ReadonlyArray<string> =>
  readdirSync(join(path, '..')).filter((name) => name.startsWith('events.db'));

describe('read commands write nothing', { timeout: 120_000 }, () => {
  it('verify, streams, replay, audit, queue, matrix and export leave no -wal or -shm and change no byte of the store', async () => {
    const before = sha(fixture.dbPath);
    const commands = [
      ['verify'],
      ['streams'],
      ['replay', profileStream],
      ['audit', profileStream],
      ['queue'],
      ['matrix', 'acme'],
      ['export'],
    ];
    for (const args of commands) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(filesBeside(fixture.dbPath), args.join(' ')).toEqual(['events.db']);
    }
    expect(sha(fixture.dbPath)).toBe(before);
  });

  it('a corrupt store is left exactly as found: nothing created beside it, not a byte changed', async () => {
    const folder = join(fixture.folder, 'evidence');
    const corrupt = join(folder, 'events.db');
    // A copy of the whole fixture with one page in the middle overwritten.
    mkdirSync(folder, { recursive: true });
    copyFileSync(fixture.dbPath, corrupt);
    const fd = openSync(corrupt, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096);
    closeSync(fd);
    const before = sha(corrupt);
    for (const args of [['verify'], ['streams'], ['replay', profileStream], ['export']]) {
      const run = await cli(...args, '--store', `sqlite:${corrupt}`);
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(filesBeside(corrupt), args.join(' ')).toEqual(['events.db']);
    }
    expect(sha(corrupt)).toBe(before);
  });

  it('rebuild refuses --projections naming an event store, and writes nothing into it', async () => {
    const before = sha(fixture.dbPath);
    const run = await cli('rebuild', '--projections', fixture.dbPath);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is an event store');
    expect(sha(fixture.dbPath)).toBe(before);
    expect(existsSync(`${fixture.dbPath}-wal`)).toBe(false);
  });

  it('rebuild refuses --projections naming a -wal without its -shm (exit 3) at once, creating no file beside it', async () => {
    const folder = join(fixture.folder, 'lone-wal');
    mkdirSync(folder, { recursive: true });
    // Read models whose last save is only in the -wal, copied while their writer was open, without the -shm.
    const live = join(folder, 'live.db');
    const writer = new Database(live);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("CREATE TABLE saved (row TEXT); INSERT INTO saved VALUES ('a')");
    const copy = join(folder, 'projections.db');
    copyFileSync(live, copy);
    copyFileSync(`${live}-wal`, `${copy}-wal`);
    writer.close();
    const before = [sha(copy), sha(`${copy}-wal`)];
    // A bound far beyond the run's own time limit: the refusal must not wait for it.
    const run = await cli('rebuild', '--projections', copy, '--timeout', '600000');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `--projections ${copy}: cannot tell whether ${copy} is an event store: ${copy}-wal is there without ${copy}-shm`,
    );
    expect(readdirSync(folder).filter((name) => name.startsWith('projections.db'))).toEqual([
      'projections.db',
      'projections.db-wal',
    ]);
    expect([sha(copy), sha(`${copy}-wal`)]).toEqual(before);
  });
});
