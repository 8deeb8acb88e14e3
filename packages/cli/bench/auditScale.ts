import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { createCheckpoint, type EventStore, type RecordedEvent } from '@dossier/core';
import { generateSigningKeys, readPrivateKey } from '@dossier/proof';
import { createSqliteStore } from '@dossier/store-sqlite';

// Measures `dossier checkpoint` and `dossier verify --checkpoint` over a log of AUDIT_EVENTS events (1,000,000
// by default), beside `dossier verify` alone as the baseline measured in the same run: wall time and peak RSS
// from /usr/bin/time -v, medians of AUDIT_RUNS (3) fresh processes, and ratios to the baseline. Also
// `verify --checkpoint` against a checkpoint of the first AUDIT_EARLIER events (half the log unless told): the
// consistency proof from m to n for m < n. AUDIT_ONLY=name,name measures only those commands (and the baseline);
// AUDIT_FILL_ONLY=1 fills the store and signs the earlier checkpoint, measuring nothing.
const events = Number(process.env['AUDIT_EVENTS'] ?? 1_000_000);
const earlier = Number(process.env['AUDIT_EARLIER'] ?? Math.floor(events / 2));
const only = process.env['AUDIT_ONLY']?.split(',');
const runs = Number(process.env['AUDIT_RUNS'] ?? 3);
const folder = resolve(process.env['AUDIT_DIR'] ?? join(tmpdir(), `dossier-audit-${events}`));
const dbPath = join(folder, 'events.db');
const cli = resolve(import.meta.dirname, '../src/main.js');

/** Appends `events` events through the store, 100 a batch over 1,000 streams, each a valid link of its chain. */
const fill = async (): Promise<void> => {
  if (existsSync(dbPath)) return;
  mkdirSync(folder, { recursive: true });
  let minute = 0;
  const store = createSqliteStore({
    path: dbPath,
    synchronous: 'normal',
    clock: () => new Date(Date.UTC(2026, 0, 1) + minute++ * 1000).toISOString(),
  });
  const started = Date.now();
  for (let written = 0; written < events; written += 100) {
    const stream = `ticket-${(written / 100) % 1000}`;
    const batch = Array.from({ length: Math.min(100, events - written) }, (_, i) => ({
      type: 'TicketCommented',
      data: { n: written + i, text: 'a comment of a typical length for a support ticket' },
      metadata: { eventId: `e-${written + i}` },
    }));
    const appended = await store.append(stream, 'any', batch)();
    if (appended._tag === 'Left')
      throw new Error(
        JSON.stringify(appended.left, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
      );
  }
  await store.close();
  process.stderr.write(`filled ${events} events in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
};

interface Measured {
  readonly seconds: number;
  readonly rssMb: number;
  readonly code: number;
}

const measure = (args: ReadonlyArray<string>): Measured => {
  const run = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, cli, ...args, '--store', `sqlite:${dbPath}`, '--timeout', '600000'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const field = (name: string): number =>
    Number(
      new RegExp(`${name}: ([\\d.:]+)`)
        .exec(run.stderr)?.[1]
        ?.split(':')
        .reduce((a, b) => a * 60 + Number(b), 0) ?? NaN,
    );
  return {
    seconds: field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)'),
    rssMb: field('Maximum resident set size \\(kbytes\\)') / 1024,
    code: run.status ?? -1,
  };
};

/** The store as it was when it held its first `size` events: positions here are dense from 1, as `fill` wrote them. */
const prefixOf = (store: EventStore, size: number): EventStore => ({
  ...store,
  readAll: (options) =>
    TE.map((page: ReadonlyArray<RecordedEvent>) => page.filter((event) => event.position <= BigInt(size)))(
      store.readAll(options),
    ),
});

/** Signs a checkpoint of the first `earlier` events, as one signed back when the log was that long. */
const signEarlier = async (privatePem: string, file: string): Promise<void> => {
  if (existsSync(file)) return;
  const key = readPrivateKey(privatePem);
  if (!key.ok) throw new Error(key.reason);
  const store = createSqliteStore({ path: dbPath, readOnly: true });
  const signed = await createCheckpoint(prefixOf(store, earlier), key.value)();
  await store.close();
  if (E.isLeft(signed) || signed.right.size !== earlier)
    throw new Error(`the earlier checkpoint is not of ${earlier} events: ${JSON.stringify(signed)}`);
  writeFileSync(file, JSON.stringify(signed.right));
};

const median = (values: ReadonlyArray<number>): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const main = async (): Promise<void> => {
  await fill();
  const keys = join(folder, 'keys');
  mkdirSync(keys, { recursive: true });
  if (!existsSync(join(keys, 'private.pem'))) {
    const pair = generateSigningKeys();
    writeFileSync(join(keys, 'private.pem'), pair.privateKey);
    writeFileSync(join(keys, 'public.pem'), pair.publicKey);
  }
  const earlierFile = join(folder, `checkpoint-${earlier}.json`);
  await signEarlier(readFileSync(join(keys, 'private.pem'), 'utf8'), earlierFile);
  if (process.env['AUDIT_FILL_ONLY'] === '1') return;
  const checkpointFile = join(folder, 'checkpoint.json');
  const hashedCheckpointFile = join(folder, 'checkpoint-hashed.json');
  // Never written over: removed before each run of `checkpoint --hashes`.
  const hashesFile = join(folder, 'checkpoint.hashes');
  const commands: Record<string, ReadonlyArray<string>> = {
    'verify (baseline)': ['verify'],
    checkpoint: ['checkpoint', '--key', join(keys, 'private.pem'), '--output', checkpointFile],
    'verify --checkpoint': [
      'verify',
      '--checkpoint',
      checkpointFile,
      '--public-key',
      join(keys, 'public.pem'),
    ],
    'checkpoint --hashes': [
      'checkpoint',
      '--key',
      join(keys, 'private.pem'),
      '--output',
      hashedCheckpointFile,
      '--hashes',
      hashesFile,
    ],
    'verify --checkpoint --hashes': [
      'verify',
      '--checkpoint',
      hashedCheckpointFile,
      '--hashes',
      hashesFile,
      '--public-key',
      join(keys, 'public.pem'),
    ],
    [`verify --checkpoint (m = ${earlier} < n)`]: [
      'verify',
      '--checkpoint',
      earlierFile,
      '--public-key',
      join(keys, 'public.pem'),
    ],
  };
  const chosen = Object.entries(commands).filter(
    ([name]) => only === undefined || name === 'verify (baseline)' || only.some((o) => name.startsWith(o)),
  );
  const results: Record<string, Measured[]> = {};
  for (let i = 0; i < runs; i++)
    for (const [name, args] of chosen) {
      if (name === 'checkpoint --hashes') rmSync(hashesFile, { force: true });
      (results[name] ??= []).push(measure(args));
    }
  const baseline = median((results['verify (baseline)'] ?? []).map((r) => r.seconds));
  for (const [name, measured] of Object.entries(results)) {
    const seconds = median(measured.map((r) => r.seconds));
    const rss = median(measured.map((r) => r.rssMb));
    process.stdout.write(
      `${JSON.stringify({ command: name, events, runs, exitCodes: measured.map((r) => r.code), wallSecondsMedian: seconds, peakRssMbMedian: Math.round(rss), ratioToVerify: Number((seconds / baseline).toFixed(2)) })}\n`,
    );
  }
  for (const file of [checkpointFile, hashedCheckpointFile, hashesFile]) rmSync(file, { force: true });
};

await main();
