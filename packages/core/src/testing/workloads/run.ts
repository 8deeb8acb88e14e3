import { spawnSync } from 'node:child_process';
import { median, type WorkloadResult } from './spec.js';

/** One line of the workload table: Dossier and the baseline measured in the same process. */
export interface WorkloadCase {
  readonly name: string;
  /** The count and checksum the reference prints for this case, when it has them. */
  readonly reference?: { readonly count: number; readonly checksum: string };
  readonly run: () => Promise<{ readonly baseline: WorkloadResult; readonly dossier: WorkloadResult }>;
}

interface Measured {
  readonly baseline: WorkloadResult;
  readonly dossier: WorkloadResult;
}

const childFlag = '--workload-case';

const runChild = async (cases: ReadonlyArray<WorkloadCase>, name: string): Promise<number> => {
  const found = cases.find((c) => c.name === name);
  if (found === undefined) {
    process.stderr.write(`no workload case named ${JSON.stringify(name)}\n`);
    return 2;
  }
  const measured = await found.run();
  process.stdout.write(`${JSON.stringify({ case: name, ...measured, peakRssMB: peakRssMB() })}\n`);
  return 0;
};

const peakRssMB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

const spawnCase = (script: string, name: string): (Measured & { readonly peakRssMB: number }) | string => {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', script, childFlag, name],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || line === '') return `exit ${child.status ?? child.signal ?? '?'}`;
  return JSON.parse(line) as Measured & { readonly peakRssMB: number };
};

/**
 * The cases a `BENCH_CASES` list picks: names separated by commas, every case when there is no list. A name that
 * holds commas itself ("W2 in-memory 10k, no snapshots") is picked when its parts stand one after another in the
 * list; read from the left, the longest name that fits is taken.
 */
export const pickCases = (list: string | undefined, names: ReadonlyArray<string>): ReadonlySet<string> => {
  if (list === undefined) return new Set(names);
  const split = (text: string) => text.split(',').map((piece) => piece.trim());
  const pieces = split(list);
  const candidates = names
    .map((name) => ({ name, parts: split(name) }))
    .sort((a, b) => b.parts.length - a.parts.length);
  const picked = new Set<string>();
  for (let i = 0; i < pieces.length;) {
    const found = candidates.find(({ parts }) => parts.every((part, j) => pieces[i + j] === part));
    if (found === undefined) i++;
    else {
      picked.add(found.name);
      i += found.parts.length;
    }
  }
  return picked;
};

const fixed = (value: number, unit: string): string =>
  unit === 'commands/s' ? Math.round(value).toLocaleString('en-US') : value.toFixed(3);

/**
 * The body of a workload `bench` script. Run plainly, it measures every case `runs` times (BENCH_RUNS, 3 unless
 * told), each in a fresh process with --expose-gc, and prints the medians, the ratio to the baseline of the same
 * runs (the median of the per-run ratios) and whether counts and checksums equal the reference's; then one JSON
 * line per case. Answers the exit code: 1 when a run failed or a checksum disagrees.
 */
export const runWorkloads = async (
  script: string,
  cases: ReadonlyArray<WorkloadCase>,
  argv: ReadonlyArray<string> = process.argv,
  env: Readonly<Record<string, string | undefined>> = process.env,
  log: (line: string) => void = console.log,
): Promise<number> => {
  const asChild = argv.indexOf(childFlag);
  if (asChild >= 0) return runChild(cases, argv[asChild + 1] ?? '');
  const runs = Math.max(1, Math.floor(Number(env['BENCH_RUNS'] ?? '3')) || 3);
  const wanted = pickCases(
    env['BENCH_CASES'],
    cases.map((c) => c.name),
  );
  let failed = false;
  const header = ['case', 'unit', 'baseline', 'dossier', 'ratio', 'count', 'checksum', 'peak RSS MB'];
  const rows: string[][] = [];
  const lines: string[] = [];
  for (const c of cases) {
    if (!wanted.has(c.name)) continue;
    const measured: Array<Measured & { readonly peakRssMB: number }> = [];
    for (let i = 0; i < runs; i++) {
      const result = spawnCase(script, c.name);
      if (typeof result === 'string') {
        log(`${c.name}: run ${i + 1} failed (${result})`);
        failed = true;
        break;
      }
      measured.push(result);
    }
    if (measured.length < runs) continue;
    const first = measured[0];
    if (first === undefined) continue;
    const agree = measured.every(
      (m) =>
        m.dossier.count === m.baseline.count &&
        m.dossier.checksum === m.baseline.checksum &&
        (c.reference === undefined ||
          (m.baseline.count === c.reference.count && m.baseline.checksum === c.reference.checksum)),
    );
    if (!agree) failed = true;
    const unit = first.dossier.unit;
    const baseline = median(measured.map((m) => m.baseline.value));
    const dossier = median(measured.map((m) => m.dossier.value));
    const ratio = median(measured.map((m) => m.dossier.value / m.baseline.value));
    const rss = median(measured.map((m) => m.peakRssMB));
    rows.push([
      c.name,
      unit,
      fixed(baseline, unit),
      fixed(dossier, unit),
      `${ratio.toFixed(3)}×`,
      String(first.dossier.count),
      agree ? first.dossier.checksum : `MISMATCH ${first.dossier.checksum}≠${first.baseline.checksum}`,
      String(rss),
    ]);
    lines.push(
      JSON.stringify({
        bench: 'workload',
        case: c.name,
        unit,
        runs,
        baseline,
        dossier,
        ratio,
        count: first.dossier.count,
        checksum: first.dossier.checksum,
        agrees: agree,
        peakRssMB: rss,
        ...(first.dossier.p95 === undefined
          ? {}
          : { dossierP95: median(measured.map((m) => m.dossier.p95 ?? 0)) }),
      }),
    );
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: ReadonlyArray<string>) =>
    cells.map((cell, i) => (i >= 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ');
  log(`workloads, median of ${runs} fresh processes each; ratio = dossier / baseline of the same run`);
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) log(line(row));
  for (const json of lines) log(json);
  return failed ? 1 : 0;
};
