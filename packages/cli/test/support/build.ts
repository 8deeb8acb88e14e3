import { execFileSync } from 'node:child_process';
import { mkdirSync, rmdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliFolder = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const lock = join(tmpdir(), `dossier-cli-build-${Buffer.from(cliFolder).toString('hex').slice(-24)}.lock`);

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds packages/cli (and what it references) with `tsc -b`, so the tests run the real entry point. Test
 * files run in parallel workers; a lock folder keeps two builds from writing `dist/` at once.
 */
export const buildCli = (): void => {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`another build held ${lock} for two minutes; remove it if stale`);
      sleep(100);
    }
  }
  try {
    execFileSync(process.execPath, [tsc, '-b', cliFolder], { stdio: 'pipe' });
  } catch (thrown) {
    const output = (thrown as { stdout?: Buffer }).stdout?.toString() ?? String(thrown);
    throw new Error(`tsc -b packages/cli failed:\n${output}`);
  } finally {
    rmdirSync(lock);
  }
};
