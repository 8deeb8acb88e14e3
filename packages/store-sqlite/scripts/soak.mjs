// `pnpm soak [--kills N]`: starts a process appending to a SQLite event store and SIGKILLs it N times (100 unless
// told), each time at a random moment after a random number of acknowledged appends. After each kill it checks that
// every acknowledged append is in the store with all its events, that no append is torn (present in part), that
// revisions are dense, and that `dossier verify` passes. Prints the figures; exits 1 on any loss.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSqliteStore } from '../dist/src/index.js';

const { values } = parseArgs({ options: { kills: { type: 'string' } } });
const kills = Number(values.kills ?? 100);
const writer = fileURLToPath(new URL('./soakWriter.mjs', import.meta.url));
const dossier = fileURLToPath(new URL('../../cli/dist/src/main.js', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'dossier-soak-'));
const path = join(folder, 'events.db');

/** Runs the writer until it has acknowledged `acks` appends, then kills it after up to `pauseMs`; its ack lines. */
const runAndKill = (firstBatch, acks, pauseMs) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, path, String(firstBatch)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    let partial = '';
    let stderr = '';
    let killing = false;
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      const split = (partial + chunk).split('\n');
      partial = split.pop() ?? '';
      lines.push(...split);
      if (!killing && lines.length >= acks) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * pauseMs));
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL' && killing) resolve(lines);
      else reject(new Error(`the writer ended by itself (code ${code}, signal ${signal}): ${stderr}`));
    });
  });

const readEverything = async () => {
  const store = createSqliteStore({ path, readOnly: true });
  try {
    const all = await store.readAll()();
    if (all._tag === 'Left') throw new Error(JSON.stringify(all.left));
    return all.right;
  } finally {
    await store.close();
  }
};

const acknowledged = new Map(); // batch → events
const started = Date.now();
let nextBatch = 0;
const problems = { lost: 0, torn: 0, gaps: 0 };
let verifyFailures = 0;
let unacknowledgedFound = 0;
const report = (line) => process.stdout.write(`${line}\n`);
report(`kill-soak: ${kills} SIGKILLs of a SQLite writer, store ${path}`);
for (let kill = 1; kill <= kills; kill++) {
  const lines = await runAndKill(nextBatch, 1 + Math.floor(Math.random() * 40), 15);
  for (const line of lines) {
    const [, batch, , size] = line.split(' ');
    acknowledged.set(Number(batch), Number(size));
  }
  const events = await readEverything();
  const found = new Map(); // batch → { size, count }
  const revisions = new Map(); // stream → last revision
  for (const event of events) {
    const { batch, size } = event.data;
    const entry = found.get(batch) ?? { size, count: 0 };
    entry.count += 1;
    found.set(batch, entry);
    const last = revisions.get(event.stream) ?? -1n;
    if (event.revision !== last + 1n) {
      problems.gaps += 1;
      report(`  kill ${kill}: ${event.stream} jumps from revision ${last} to ${event.revision}`);
    }
    revisions.set(event.stream, event.revision);
  }
  for (const [batch, size] of acknowledged) {
    const entry = found.get(batch);
    if (entry === undefined || entry.count !== size) {
      problems.lost += 1;
      report(`  kill ${kill}: acknowledged append ${batch} has ${entry?.count ?? 0} of its ${size} events`);
    }
  }
  for (const [batch, entry] of found) {
    if (entry.count !== entry.size) {
      problems.torn += 1;
      report(`  kill ${kill}: append ${batch} is torn: ${entry.count} of ${entry.size} events`);
    }
  }
  unacknowledgedFound = [...found.keys()].filter((batch) => !acknowledged.has(batch)).length;
  const verified = spawnSync(process.execPath, [dossier, 'verify', '--store', `sqlite:${path}`, '--json'], {
    encoding: 'utf8',
  });
  if (verified.status !== 0) {
    verifyFailures += 1;
    report(`  kill ${kill}: dossier verify exited ${verified.status}: ${verified.stderr.trim()}`);
  }
  nextBatch = Math.max(nextBatch, ...found.keys(), ...acknowledged.keys()) + 1;
  if (kill % 10 === 0)
    report(`  ${kill} kills: ${acknowledged.size} acknowledged appends, ${events.length} events in the store`);
}
const events = [...acknowledged.values()].reduce((sum, size) => sum + size, 0);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
report(
  `${kills} kills in ${seconds} s: ${acknowledged.size} acknowledged appends (${events} events); ` +
    `acknowledged but lost: ${problems.lost}; torn: ${problems.torn}; revision gaps: ${problems.gaps}; ` +
    `verify failures: ${verifyFailures}; committed but not yet acknowledged when killed: ${unacknowledgedFound}`,
);
rmSync(folder, { recursive: true, force: true });
process.exit(problems.lost + problems.torn + problems.gaps + verifyFailures === 0 ? 0 : 1);
