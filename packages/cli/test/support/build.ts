import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mainJs = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));
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
    // tsc still emits when another package's files (often its tests, mid-edit) fail to type-check; `pnpm test`
    // type-checks everything. Here only errors in the CLI itself, or no entry point, stop the run.
    const ownErrors = output
      .split('\n')
      .filter((line) => line.startsWith('packages/cli/') || line.includes(' packages/cli'));
    if (ownErrors.length > 0 || !existsSync(mainJs))
      throw new Error(`tsc -b packages/cli failed:\n${output}`);
  } finally {
    rmdirSync(lock);
  }
};
