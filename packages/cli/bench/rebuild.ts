// `pnpm bench` for the read side at scale, as a user runs it: `dossier generate` writes a realistic log of 100,000 and
// of 1,000,000 events (× BENCH_SCALE) into SQLite files, then `dossier rebuild` of all four read models runs over each
// BENCH_RUNS times (3 unless told), each in a fresh process whose peak RSS it reports on exit. Prints the medians, and
// the time per event at the large size against the small one: a rebuild linear in the log keeps it near 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.js', import.meta.url));
const scale = Number(process.env['BENCH_SCALE'] ?? '1') || 1;
const runs = Math.max(1, Math.floor(Number(process.env['BENCH_RUNS'] ?? '3')) || 3);
const sizes = [100_000, 1_000_000].map((n) => Math.max(1_000, Math.round(n * scale)));

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

const folder = mkdtempSync(join(tmpdir(), 'dossier-bench-rebuild-'));
// Loaded before the CLI: prints the process's peak RSS as it exits, the figure `/usr/bin/time -v` calls maximum RSS.
const hook = join(folder, 'peak-rss.cjs');
writeFileSync(
  hook,
  "process.on('exit', () => process.stderr.write(`peakRssMB=${Math.round(process.resourceUsage().maxRSS / 1024)}\\n`));\n",
);

interface Run {
  readonly seconds: number;
  readonly peakRssMB: number;
  readonly json: Record<string, unknown>;
}

const dossier = (args: ReadonlyArray<string>): Run => {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--require', hook, main, ...args, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const seconds = (performance.now() - start) / 1000;
  if (child.status !== 0)
    throw new Error(`dossier ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const rss = /peakRssMB=(\d+)/.exec(child.stderr)?.[1];
  return {
    seconds,
    peakRssMB: Number(rss ?? Number.NaN),
    json: JSON.parse(child.stdout) as Record<string, unknown>,
  };
};

const results: Array<{
  readonly size: number;
  readonly events: number;
  readonly generateSeconds: number;
  readonly generateRssMB: number;
  readonly seconds: number;
  readonly peakRssMB: number;
}> = [];
try {
  for (const size of sizes) {
    const store = `sqlite:${join(folder, `events-${size}.db`)}`;
    const generated = dossier(['generate', '--events', String(size), '--seed', '1', '--store', store]);
    const events = Number(generated.json['events']);
    const rebuilds: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const projections = join(folder, `projections-${size}-${i}.db`);
      rebuilds.push(dossier(['rebuild', '--store', store, '--projections', projections]));
      rmSync(projections, { force: true });
      rmSync(`${projections}-wal`, { force: true });
      rmSync(`${projections}-shm`, { force: true });
    }
    results.push({
      size,
      events,
      generateSeconds: generated.seconds,
      generateRssMB: generated.peakRssMB,
      seconds: median(rebuilds.map((r) => r.seconds)),
      peakRssMB: median(rebuilds.map((r) => r.peakRssMB)),
    });
    rmSync(join(folder, `events-${size}.db`), { force: true });
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const [small, large] = results;
const perEvent = (r: (typeof results)[number]) => r.seconds / r.events;
const growth = small !== undefined && large !== undefined ? perEvent(large) / perEvent(small) : Number.NaN;
console.log(
  `dossier generate, then dossier rebuild of all four read models (median of ${runs} fresh processes)`,
);
console.log('events      generate s  generate RSS MB  rebuild s  events/s  peak RSS MB');
for (const r of results)
  console.log(
    [
      String(r.events).padEnd(10),
      r.generateSeconds.toFixed(1).padStart(10),
      String(r.generateRssMB).padStart(15),
      r.seconds.toFixed(1).padStart(9),
      String(Math.round(r.events / r.seconds)).padStart(8),
      String(r.peakRssMB).padStart(11),
    ].join('  '),
  );
console.log(
  `time per event at ${large?.events ?? '?'} ÷ at ${small?.events ?? '?'}: ${growth.toFixed(2)}× (goal ≤ 1.3×)`,
);
for (const r of results)
  console.log(JSON.stringify({ bench: 'rebuild', ...r, eventsPerSecond: r.events / r.seconds }));
console.log(JSON.stringify({ bench: 'rebuild-growth', ratio: growth }));
