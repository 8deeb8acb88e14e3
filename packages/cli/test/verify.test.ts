import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixtureEventCount, profileStream } from './support/fill.js';
import { useFilledStore } from './support/fixture.js';
import { dossier } from './support/runCli.js';

const fixture = useFilledStore();

/** A copy of the filled store, edited with SQL behind the store's back, as an attacker with the file would. */
const tampered = (name: string, sql: string, ...params: ReadonlyArray<string | number>): string => {
  const folder = join(fixture.folder, name);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'events.db');
  copyFileSync(fixture.dbPath, path);
  const db = new Database(path);
  try {
    expect(db.prepare(sql).run(...params).changes).toBe(1);
  } finally {
    db.close();
  }
  return path;
};

interface VerifyJson {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  readonly broken: ReadonlyArray<{
    readonly stream: string;
    readonly revision: string;
    readonly problem: string;
  }>;
}

describe('dossier verify', { timeout: 20_000 }, () => {
  it('exits 0 with the number of streams and events checked when every chain is intact', async () => {
    const run = await dossier(['verify'], { cwd: fixture.folder });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`4 streams and ${fixtureEventCount} events`);
    expect(run.stdout).toContain('every hash chain is intact');
    const json = JSON.parse(
      (await dossier(['verify', '--json'], { cwd: fixture.folder })).stdout,
    ) as VerifyJson;
    expect(json).toEqual({ ok: true, streams: 4, events: fixtureEventCount, broken: [] });
  });

  it("takes --strict (EventStoreDB: fail on other applications' events); a SQLite file holds only Dossier's", async () => {
    const run = await dossier(['verify', '--strict'], { cwd: fixture.folder });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`4 streams and ${fixtureEventCount} events`);
    const help = await dossier(['verify', '--help'], { cwd: fixture.folder });
    expect(help.stdout).toContain('--strict');
  });

  it("catches one event's data edited in the SQLite file, naming the stream and revision (exit 1)", async () => {
    // Someone grants themselves admin by editing the recorded ChangePermissions event.
    const path = tampered(
      'edited',
      `UPDATE events SET data = json_set(data, '$.permissions', json_array('admin')) WHERE stream = ? AND revision = ?`,
      profileStream,
      3,
    );
    const run = await dossier(['verify', '--store', `sqlite:${path}`], { cwd: fixture.folder });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('BROKEN');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`verification failed at stream ${profileStream}, revision 3`);
    expect(run.stderr).toContain('edited');
    const json = JSON.parse(
      (await dossier(['verify', '--json', '--store', `sqlite:${path}`], { cwd: fixture.folder })).stdout,
    ) as VerifyJson;
    expect(json.ok).toBe(false);
    expect(json.broken).toEqual([
      expect.objectContaining({ stream: profileStream, revision: '3', problem: 'edited' }),
    ]);
  });

  it('catches an event removed from the file, naming the revision after the gap', async () => {
    const path = tampered(
      'removed',
      'DELETE FROM events WHERE stream = ? AND revision = ?',
      profileStream,
      1,
    );
    const run = await dossier(['verify', '--store', `sqlite:${path}`], { cwd: fixture.folder });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`stream ${profileStream}, revision 2`);
    expect(run.stderr).toContain('removed');
  });

  it("catches the last event of a stream deleted, against the tip the store's streams table records", async () => {
    const path = tampered(
      'truncated',
      'DELETE FROM events WHERE position = (SELECT max(position) FROM events WHERE stream = ?)',
      profileStream,
    );
    const run = await dossier(['verify', '--store', `sqlite:${path}`], { cwd: fixture.folder });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`stream ${profileStream}, revision \\d+ \\(missing from the log\\): truncated`),
    );
  });

  it('an event the domain can no longer decode: replay and audit exit 4 naming it, verify still checks its hash', async () => {
    const path = tampered(
      'undecodable',
      `UPDATE events SET data = json_set(data, '$.kind', 'galactic') WHERE stream = ? AND revision = ?`,
      profileStream,
      0,
    );
    for (const command of ['replay', 'audit']) {
      const run = await dossier([command, profileStream, '--store', `sqlite:${path}`], {
        cwd: fixture.folder,
      });
      expect(run.code, command).toBe(4);
      expect(run.stderr).toContain(`at ${profileStream} revision 0`);
      expect(run.stderr).toContain('dossier verify');
    }
    const rebuilt = await dossier(['rebuild', 'permissionMatrix', '--store', `sqlite:${path}`], {
      cwd: fixture.folder,
    });
    expect(rebuilt.code).toBe(4);
    expect(rebuilt.stderr).toContain(`UndecodableEvent) at ${profileStream} revision 0`);
    const verified = await dossier(['verify', '--store', `sqlite:${path}`], { cwd: fixture.folder });
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(`stream ${profileStream}, revision 0`);
    expect(verified.stderr).toContain('edited');
  });

  it('reports data that is no longer JSON as a broken link, not a crash', async () => {
    const path = tampered(
      'garbled',
      `UPDATE events SET data = '{not json' WHERE stream = ? AND revision = ?`,
      profileStream,
      0,
    );
    const run = await dossier(['verify', '--store', `sqlite:${path}`], { cwd: fixture.folder });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`stream ${profileStream}, revision 0`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
