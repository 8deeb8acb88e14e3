import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built entry point the tests run: the real `dossier` binary. */
export const mainJs = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));

/** How a run of the CLI ended. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/src/main.js …args` in `cwd`, without colour or DOSSIER_STORE unless `env` says so. */
export const dossier = (
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: Readonly<Record<string, string>> },
): Promise<CliRun> => {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  if (options.env?.['DOSSIER_STORE'] === undefined) delete env['DOSSIER_STORE'];
  if (options.env?.['FORCE_COLOR'] === undefined) delete env['FORCE_COLOR'];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [mainJs, ...args],
      { cwd: options.cwd, env, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
};
