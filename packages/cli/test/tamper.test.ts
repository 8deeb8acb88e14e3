import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, chainHash } from '@dossier/core';
import { invitationOfNewcomer, profileStream, routineCase, urgentCase } from './support/fill.js';
import { useFilledStore } from './support/fixture.js';
import { dossier } from './support/runCli.js';

// The tamper matrix: each attack on the SQLite file, by someone who can write it, and what detects it —
// `verify` alone, or (for rewrites of the whole log that leave every chain and tip consistent) only
// `verify --checkpoint` against a checkpoint signed before the attack. docs/auditing.md's threat model
// lists the same cases.

const fixture = useFilledStore();
const keys = (): string => join(fixture.folder, 'keys');
const checkpointFile = (): string => join(fixture.folder, 'before.json');
const hashesFile = (): string => join(fixture.folder, 'before.hashes');

type Db = Database.Database;

interface Row {
  readonly position: bigint;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

const rowsOf = (db: Db, stream: string): ReadonlyArray<Row> =>
  db
    .prepare(
      'SELECT position, stream, revision, type, data, metadata FROM events WHERE stream = ? ORDER BY revision',
    )
    .safeIntegers(true)
    .all(stream) as Row[];

/** Recomputes every hash of a stream from its rows as they now stand, as an attacker who knows the scheme would. */
const rehash = (db: Db, stream: string, options: { readonly tip: boolean }): void => {
  let previous = GENESIS_HASH;
  for (const row of rowsOf(db, stream)) {
    const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
    const hash = chainHash(previous, {
      stream,
      revision: row.revision,
      type: row.type,
      data: JSON.parse(row.data) as unknown,
      eventId: metadata['eventId'] as string,
      commandId: metadata['commandId'] as string | null,
      commandHash: metadata['commandHash'] as string | null,
      correlationId: metadata['correlationId'] as string,
      causationId: metadata['causationId'] as string | null,
      actor: metadata['actor'] as string | null,
      recordedAt: metadata['recordedAt'] as string,
      schemaVersion: metadata['schemaVersion'] as number,
    });
    db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(
      JSON.stringify({ ...metadata, hash }),
      row.position,
    );
    previous = hash;
  }
  const last = rowsOf(db, stream).at(-1);
  if (options.tip && last !== undefined)
    db.prepare('UPDATE streams SET revision = ?, hash = ? WHERE stream = ?').run(
      last.revision,
      previous,
      stream,
    );
};

/** Appends a copy of a stream's last event as the next revision, as a forger would. */
const forgeAppend = (db: Db, stream: string): void => {
  const last = rowsOf(db, stream).at(-1);
  if (last === undefined) throw new Error(`no events in ${stream}`);
  const metadata = JSON.parse(last.metadata) as Record<string, unknown>;
  db.prepare('INSERT INTO events (stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?)').run(
    stream,
    last.revision + 1n,
    last.type,
    last.data,
    JSON.stringify({
      ...metadata,
      eventId: 'forged',
      recordedAt: '2026-03-10T00:00:00.000Z',
      hash: 'f'.repeat(64),
    }),
  );
};

/** Every event's hash in log order, as the tampered file now holds them. */
const hashesInLogOrder = (db: Db): ReadonlyArray<string> =>
  (
    db.prepare(`SELECT metadata ->> '$.hash' AS hash FROM events ORDER BY position`).all() as Array<{
      hash: string;
    }>
  ).map((row) => row.hash);

/** The first log index where `now` differs from `kept` or ends before it; undefined when it extends it. */
const firstParting = (kept: ReadonlyArray<string>, now: ReadonlyArray<string>): number | undefined => {
  const differs = kept.findIndex((hash, i) => now[i] !== hash);
  return differs === -1 ? undefined : differs;
};

const lastRevision = (db: Db, stream: string): bigint => rowsOf(db, stream).at(-1)?.revision ?? -1n;

const editData = (db: Db, stream: string, revision: bigint): void => {
  const changed = db
    .prepare(`UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE stream = ? AND revision = ?`)
    .run(stream, revision).changes;
  expect(changed).toBe(1);
};

/** Moves a stream's events to the end of the log, keeping their order. */
const moveToEnd = (db: Db, stream: string): void => {
  const top = (
    db.prepare('SELECT max(position) AS top FROM events').safeIntegers(true).get() as { top: bigint }
  ).top;
  for (const row of rowsOf(db, stream))
    db.prepare('UPDATE events SET position = ? WHERE position = ?').run(
      row.position + top + 1n,
      row.position,
    );
};

type Detector = 'verify' | 'verify --checkpoint' | 'nothing';

interface Attack {
  readonly name: string;
  readonly tamper: (db: Db) => void;
  /** What detects it, and the problem it names. */
  readonly detectedBy: Detector;
  readonly problem?: RegExp;
}

const attacks: ReadonlyArray<Attack> = [
  {
    name: 'one event edited in place',
    tamper: (db) => editData(db, profileStream, 1n),
    detectedBy: 'verify',
    problem: new RegExp(`${profileStream}, revision 1 .*edited`),
  },
  {
    name: 'an event removed from the middle of a stream',
    tamper: (db) => db.prepare('DELETE FROM events WHERE stream = ? AND revision = 1').run(profileStream),
    detectedBy: 'verify',
    problem: /removed/,
  },
  {
    name: 'two events of a stream reordered (revisions swapped)',
    tamper: (db) => {
      const swap = db.prepare('UPDATE events SET revision = ? WHERE stream = ? AND revision = ?');
      swap.run(-1, profileStream, 1);
      swap.run(1, profileStream, 2);
      swap.run(2, profileStream, -1);
    },
    detectedBy: 'verify',
    problem: /reordered|edited/,
  },
  {
    name: 'two events of different streams swapped',
    tamper: (db) => {
      const [a, b] = [rowsOf(db, profileStream)[1], rowsOf(db, urgentCase)[0]];
      if (a === undefined || b === undefined) throw new Error('fixture too small');
      const move = db.prepare('UPDATE events SET stream = ?, revision = ? WHERE position = ?');
      move.run('parking', 0, a.position);
      move.run(a.stream, a.revision, b.position);
      move.run(b.stream, b.revision, a.position);
    },
    detectedBy: 'verify',
    problem: /edited|inserted/,
  },
  {
    name: 'a forged event appended with a wrong hash',
    tamper: (db) => forgeAppend(db, profileStream),
    detectedBy: 'verify',
    problem: /edited/,
  },
  {
    name: "the stream's last event deleted",
    tamper: (db) =>
      db
        .prepare('DELETE FROM events WHERE stream = ? AND revision = ?')
        .run(profileStream, lastRevision(db, profileStream)),
    detectedBy: 'verify',
    problem: new RegExp(`${profileStream}, revision \\d+ \\(missing from the log\\): truncated`),
  },
  {
    name: 'the last 3 events of a stream deleted',
    tamper: (db) =>
      db
        .prepare('DELETE FROM events WHERE stream = ? AND revision > ?')
        .run(profileStream, lastRevision(db, profileStream) - 3n),
    detectedBy: 'verify',
    problem: /truncated — revisions \d+ to \d+ are missing/,
  },
  {
    name: 'a whole stream deleted',
    tamper: (db) => db.prepare('DELETE FROM events WHERE stream = ?').run(routineCase),
    detectedBy: 'verify',
    problem: new RegExp(
      `${routineCase}, revision 0 \\(missing from the log\\): truncated — the whole stream is missing`,
    ),
  },
  {
    name: 'a forged event appended with a correct hash (the streams table left alone)',
    tamper: (db) => {
      forgeAppend(db, profileStream);
      rehash(db, profileStream, { tip: false });
    },
    detectedBy: 'verify',
    problem: /inserted — the log goes on/,
  },
  {
    name: "the stream's last event edited, its hash recomputed",
    tamper: (db) => {
      editData(db, invitationOfNewcomer, lastRevision(db, invitationOfNewcomer));
      rehash(db, invitationOfNewcomer, { tip: false });
    },
    detectedBy: 'verify',
    problem: new RegExp(
      `${invitationOfNewcomer}, revision \\d+ \\(position \\d+\\): edited — the last event hashes differently`,
    ),
  },
  {
    name: 'an event edited and every later hash recomputed (the streams table left alone)',
    tamper: (db) => {
      editData(db, profileStream, 1n);
      rehash(db, profileStream, { tip: false });
    },
    detectedBy: 'verify',
    problem: /edited — the last event hashes differently/,
  },
  {
    name: "a stream's events moved later in the global order",
    tamper: (db) => moveToEnd(db, urgentCase),
    detectedBy: 'verify',
    problem: new RegExp(`${urgentCase}, revision 0 .*outOfOrder`),
  },
  {
    name: 'whole-log rewrite: an event edited, every later hash and the tip recomputed',
    tamper: (db) => {
      editData(db, profileStream, 1n);
      rehash(db, profileStream, { tip: true });
    },
    detectedBy: 'verify --checkpoint',
    problem: /rewritten/,
  },
  {
    name: "whole-log rewrite: the log's last event deleted and its stream's tip moved back",
    tamper: (db) => {
      const last = db
        .prepare('SELECT stream, revision FROM events ORDER BY position DESC LIMIT 1')
        .safeIntegers(true)
        .get() as Row;
      db.prepare('DELETE FROM events WHERE stream = ? AND revision = ?').run(last.stream, last.revision);
      rehash(db, last.stream, { tip: true });
    },
    detectedBy: 'verify --checkpoint',
    problem:
      /truncated — the log holds 9 events, the checkpoint .* counted 10; the log parts from it within log indices 8 to 9/,
  },
  {
    name: 'whole-log rewrite: a stream moved later with its instants rewritten and rehashed',
    tamper: (db) => {
      moveToEnd(db, urgentCase);
      db.prepare(
        `UPDATE events SET metadata = json_set(metadata, '$.recordedAt', '2026-03-09T00:00:00.000Z') WHERE stream = ?`,
      ).run(urgentCase);
      rehash(db, urgentCase, { tip: true });
    },
    detectedBy: 'verify --checkpoint',
    problem: /rewritten/,
  },
  {
    // Indistinguishable from an honest write made after the checkpoint: see docs/auditing.md.
    name: 'a forged event appended with a correct hash and the tip updated, after the last checkpoint',
    tamper: (db) => {
      forgeAppend(db, profileStream);
      rehash(db, profileStream, { tip: true });
    },
    detectedBy: 'nothing',
  },
];

describe('the tamper matrix', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    const made = await dossier(['keygen', '--output', keys()], { cwd: fixture.folder });
    expect(made.code, made.stderr).toBe(0);
    const signed = await dossier(
      [
        'checkpoint',
        '--key',
        join(keys(), 'private.pem'),
        '--output',
        checkpointFile(),
        '--hashes',
        hashesFile(),
      ],
      { cwd: fixture.folder },
    );
    expect(signed.code, signed.stderr).toBe(0);
  }, 60_000);

  it.each(attacks.map((attack, i) => [attack.name, attack.detectedBy, attack, i] as const))(
    '%s: detected by %s',
    async (_, detectedBy, attack, i) => {
      const folder = join(fixture.folder, `attack-${i}`);
      mkdirSync(folder, { recursive: true });
      const path = join(folder, 'events.db');
      copyFileSync(fixture.dbPath, path);
      const db = new Database(path);
      let parting: number | undefined;
      try {
        db.transaction(() => attack.tamper(db))();
        const kept = readFileSync(hashesFile(), 'utf8').trim().split('\n');
        parting = firstParting(kept, hashesInLogOrder(db));
      } finally {
        db.close();
      }
      const store = ['--store', `sqlite:${path}`];
      const alone = await dossier(['verify', ...store], { cwd: fixture.folder });
      const withCheckpoint = await dossier(
        ['verify', ...store, '--checkpoint', checkpointFile(), '--public-key', join(keys(), 'public.pem')],
        { cwd: fixture.folder },
      );
      // With the checkpoint's hashes kept, the exact first index where the log parts from it is named.
      const withHashes = await dossier(
        [
          'verify',
          ...store,
          '--checkpoint',
          checkpointFile(),
          '--public-key',
          join(keys(), 'public.pem'),
          '--hashes',
          hashesFile(),
        ],
        { cwd: fixture.folder },
      );
      expect(withHashes.code).toBe(detectedBy === 'nothing' ? 0 : 1);
      expect(withHashes.stdout).toContain(
        parting === undefined
          ? 'the log extends it, appended to only'
          : `the log parts from it at log index ${parting}`,
      );
      if (detectedBy === 'verify --checkpoint') expect(parting).toBeDefined();
      if (detectedBy === 'verify') {
        expect(alone.code, alone.stdout).toBe(1);
        expect(alone.stderr).toMatch(attack.problem ?? /./);
        expect(withCheckpoint.code).toBe(1);
      } else if (detectedBy === 'verify --checkpoint') {
        // Every chain and tip is consistent: only the checkpoint tells.
        expect(alone.code, alone.stderr).toBe(0);
        expect(withCheckpoint.code, withCheckpoint.stdout).toBe(1);
        expect(withCheckpoint.stderr).toMatch(attack.problem ?? /./);
      } else {
        expect(alone.code, alone.stderr).toBe(0);
        expect(withCheckpoint.code, withCheckpoint.stderr).toBe(0);
      }
    },
  );
});
