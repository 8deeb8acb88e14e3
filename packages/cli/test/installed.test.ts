// The CLI as its users get it: the version, the binary in a clone that was not built, and hints that name the
// command the way it was run (npx, pnpm exec, the root script, or an installed binary).
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invocationOf } from '../src/invocation.js';
import { buildCli } from './support/build.js';
import { dossier, type CliRun } from './support/runCli.js';

const cliFolder = fileURLToPath(new URL('..', import.meta.url));
const version = (JSON.parse(readFileSync(join(cliFolder, 'package.json'), 'utf8')) as { version: string })
  .version;
const folder = mkdtempSync(join(tmpdir(), 'dossier-cli-installed-'));
beforeAll(() => buildCli(), 120_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const npx = { npm_command: 'exec', npm_config_user_agent: 'npm/10.8.2 node/v20.19.0 linux x64' };

const node = (script: string, args: ReadonlyArray<string>): Promise<CliRun> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd: folder, timeout: 20_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stdout,
          stderr,
        });
      },
    );
  });

describe('the installed CLI', { timeout: 30_000 }, () => {
  it('--version and -V print the version of its package.json', async () => {
    for (const flag of ['--version', '-V']) {
      const run = await dossier([flag], { cwd: folder });
      expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('the bin script runs the build, and says in one line to build first where there is none', async () => {
    expect(await node(join(cliFolder, 'bin', 'dossier.js'), ['--version'])).toMatchObject({ code: 0 });
    const unbuilt = join(folder, 'unbuilt', 'bin');
    mkdirSync(unbuilt, { recursive: true });
    copyFileSync(join(cliFolder, 'bin', 'dossier.js'), join(unbuilt, 'dossier.js'));
    const run = await node(join(unbuilt, 'dossier.js'), ['--help']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'dossier: the CLI is not built yet: run `pnpm build` at the root of the repository first\n',
    );
  });

  it('a missing store hints at the demo the way the CLI was run, never with pnpm under npx', async () => {
    const run = await dossier(['queue'], { cwd: folder, env: npx });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('run npx dossier demo to create one');
    expect(run.stderr).not.toContain('pnpm');
  });

  it("the demo's closing names commands as run and a data file that exists", async () => {
    const run = await dossier(['demo', '--store', 'sqlite:demo.db'], { cwd: folder, env: npx });
    expect(run.code, run.stderr).toBe(0);
    const closing = run.stdout.slice(run.stdout.indexOf('Where the data lives'));
    expect(closing).toContain(`SQLite file ${join(folder, 'demo.db')}`);
    expect(existsSync(join(folder, 'demo.db'))).toBe(true);
    expect(closing).toContain('npx dossier verify --store sqlite:demo.db');
    expect(closing).not.toMatch(/pnpm|packages\/cli/);
  });
});

describe('how the CLI was run', () => {
  it('is read from what the package manager put in the environment', () => {
    expect(invocationOf({})).toBe('dossier');
    expect(invocationOf(npx)).toBe('npx dossier');
    expect(invocationOf({ npm_command: 'exec', npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20' })).toBe(
      'pnpm exec dossier',
    );
    const script = { npm_command: 'run-script', npm_lifecycle_event: 'dossier' };
    expect(invocationOf({ ...script, npm_config_user_agent: 'pnpm/10.34.9' })).toBe('pnpm dossier');
    expect(invocationOf({ ...script, npm_config_user_agent: 'npm/10.8.2' })).toBe('npm run dossier --');
    expect(invocationOf({ npm_command: 'run-script', npm_lifecycle_event: 'test' })).toBe('dossier');
  });
});
