import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { fuzzEveryAggregate } from './fuzzExecute.js';

// `pnpm fuzz [--runs N] [--seed S]`: N inputs in all (1,000,000 unless told), split evenly over the aggregates,
// drawn from seed S (random unless told, and printed, so any failure can be run again).
const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const runs = Number(values.runs ?? 1_000_000);
const seed = values.seed === undefined ? randomInt(2 ** 31 - 1) : Number(values.seed);
if (!Number.isSafeInteger(runs) || runs <= 0 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: pnpm fuzz [--runs <whole number>] [--seed <whole number>]\n');
  process.exit(2);
}

const started = Date.now();
process.stdout.write(
  `fuzzing execute and handle with ${runs.toLocaleString('en')} inputs each, seed ${seed}\n`,
);
// Each input goes through both public entries that take a command: `execute` and core's `handle`.
const reports = await fuzzEveryAggregate(Math.ceil(runs / 3), seed);
let broken = 0;
for (const [entry, report] of reports) {
  const { failures, ...counts } = report;
  process.stdout.write(`${entry}: ${JSON.stringify(counts)}\n`);
  for (const failure of failures) process.stdout.write(`  FAIL ${JSON.stringify(failure)}\n`);
  broken += report.syncThrows + report.asyncThrows + report.invalidNotRefused + report.appendsFromRefused;
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (broken > 0) {
  process.stdout.write(
    `${broken} failures in ${seconds} s; run again with: pnpm fuzz --runs ${runs} --seed ${seed}\n`,
  );
  process.exit(1);
}
process.stdout.write(`0 failures in ${seconds} s (seed ${seed})\n`);
