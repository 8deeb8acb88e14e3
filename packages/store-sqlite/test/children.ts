import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const limitMs = 30_000;

/**
 * Builds the package, so that children can run it with plain node. `tsc -b` is incremental: quick when
 * `pnpm test` has just built everything, and the tests never depend on a stale or missing dist.
 */
export const buildPackage = (): void => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', packageDir], { stdio: 'pipe' });
};

/** Runs `node …args` to its end (killed after 30 s) and resolves with what it printed; rejects unless it exits 0. */
export const runToEnd = (args: ReadonlyArray<string>): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (code === 0) resolve(stdout);
      else reject(new Error(`the child failed (code ${code}, signal ${signal}); stderr: ${stderr}`));
    });
  });

/**
 * Runs `node …args` until the lines it printed satisfy `enough`, then kills it with SIGKILL after a random pause
 * of up to `maxPauseMs`, so the kill lands anywhere in what it does next. Resolves with every whole line it
 * printed before dying; rejects if it exits by itself or never prints enough within 30 s.
 */
export const runUntilKilled = (
  args: ReadonlyArray<string>,
  enough: (lines: ReadonlyArray<string>) => boolean,
  maxPauseMs: number,
): Promise<ReadonlyArray<string>> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    let killing = false;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child never printed enough (${lines.length} lines); stderr: ${stderr}`));
    }, limitMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const split = (partial + chunk.toString()).split('\n');
      partial = split.pop() ?? '';
      lines.push(...split);
      if (!killing && enough(lines)) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * maxPauseMs));
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL') resolve(lines);
      else reject(new Error(`the child exited by itself (code ${code}); stderr: ${stderr}`));
    });
  });
