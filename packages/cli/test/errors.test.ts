import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createColors } from 'picocolors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../src/context.js';
import { run } from '../src/run.js';
import { profileStream } from './support/fill.js';
import { useFilledStore } from './support/fixture.js';
import { dossier, type CliRun } from './support/runCli.js';

const fixture = useFilledStore();

/** One line on stderr, nothing on stdout, no stack trace. */
const expectOneLine = (run: CliRun): void => {
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^dossier: /);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
};

const emptyFolder = (name: string): string => {
  const folder = join(fixture.folder, name);
  mkdirSync(folder, { recursive: true });
  return folder;
};

describe('a missing database', { timeout: 20_000 }, () => {
  it('at the default path: exit 3, one line saying what to do, and no file created', async () => {
    const folder = emptyFolder('empty');
    const run = await dossier(['queue'], { cwd: folder });
    expect(run.code).toBe(3);
    expectOneLine(run);
    expect(run.stderr).toContain('no event store at ./.dossier/events.db');
    expect(run.stderr).toContain('--store');
    expect(existsSync(join(folder, '.dossier'))).toBe(false);
  });

  it('named by --store: exit 3 and no file created', async () => {
    const path = join(emptyFolder('named'), 'missing.db');
    const run = await dossier(['verify', '--store', `sqlite:${path}`], { cwd: fixture.folder });
    expect(run.code).toBe(3);
    expectOneLine(run);
    expect(existsSync(path)).toBe(false);
  });

  it('a file that is not SQLite: exit 3 saying so', async () => {
    const path = join(emptyFolder('junk'), 'junk.db');
    writeFileSync(path, 'not a database at all, just text');
    const run = await dossier(['streams', '--store', `sqlite:${path}`], { cwd: fixture.folder });
    expect(run.code).toBe(3);
    expectOneLine(run);
    expect(run.stderr).toContain('not a SQLite database');
  });
});

describe('a locked database', { timeout: 20_000 }, () => {
  it('exit 3 within the time-out, naming the lock', async () => {
    // Another process (this one) holds an exclusive lock, as a long-running writer or a backup tool might.
    const holder = new Database(fixture.dbPath);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const run = await dossier(['replay', profileStream, '--timeout', '300'], { cwd: fixture.folder });
      expect(run.code).toBe(3);
      expectOneLine(run);
      expect(run.stderr).toContain('locked');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});

describe('an unreachable EventStoreDB', { timeout: 20_000 }, () => {
  let silent: Server;
  let port = 0;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Accepts connections and never answers: the client waits, the CLI must not.
    silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('a refused connection: exit 3, one line', async () => {
    const run = await dossier(['verify', '--store', 'esdb://127.0.0.1:1?tls=false'], { cwd: fixture.folder });
    expect(run.code).toBe(3);
    expectOneLine(run);
    expect(run.stderr).toContain('EventStoreDB');
  });

  it('a server that never answers: streams and rebuild exit 3 after the time-out, saying so', async () => {
    for (const command of ['streams', 'rebuild']) {
      const started = Date.now();
      const run = await dossier(
        [command, '--store', `esdb://127.0.0.1:${port}?tls=false`, '--timeout', '700'],
        {
          cwd: fixture.folder,
        },
      );
      expect(run.code, command).toBe(3);
      expectOneLine(run);
      expect(run.stderr).toContain('no answer within 700 ms');
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });
});

describe('bad arguments', { timeout: 20_000 }, () => {
  it('a bad --store is a usage error (exit 2) listing the accepted forms', async () => {
    const run = await dossier(['verify', '--store', 'ftp://example.org/x'], { cwd: fixture.folder });
    expect(run.code).toBe(2);
    expectOneLine(run);
    expect(run.stderr).toContain('sqlite:<path>');
  });

  it('an unknown option, a missing argument, an unknown command and a bad --timeout: exit 2, one line each', async () => {
    for (const args of [['verify', '--bogus'], ['replay'], ['frobnicate'], ['verify', '--timeout', 'soon']]) {
      const run = await dossier(args, { cwd: fixture.folder });
      expect(run.code, args.join(' ')).toBe(2);
      expectOneLine(run);
    }
  });

  it('a --timeout beyond what a timer can hold (1e12, 3000000000, 1.5e3) is a usage error, not an unavailable store', async () => {
    for (const timeout of ['1e12', '3000000000', '1.5e3', '0x10']) {
      const run = await dossier(['verify', '--timeout', timeout], { cwd: fixture.folder });
      expect(run.code, timeout).toBe(2);
      expectOneLine(run);
      expect(run.stderr).toContain('--timeout');
    }
  });

  it('an --as-of that is not on the calendar (2026-02-30, 04-31) is a usage error, not another day', async () => {
    for (const asOf of ['2026-02-30T00:00:00Z', '2026-04-31T00:00:00Z']) {
      const run = await dossier(['replay', profileStream, '--as-of', asOf], { cwd: fixture.folder });
      expect(run.code, asOf).toBe(2);
      expectOneLine(run);
      expect(run.stderr).toContain(asOf);
    }
  });

  it('DOSSIER_STORE names the store when --store is not given', async () => {
    const run = await dossier(['streams', '--json'], {
      cwd: emptyFolder('elsewhere'),
      env: { DOSSIER_STORE: `sqlite:${fixture.dbPath}` },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(profileStream);
  });
});

/** Runs the CLI in this process (no child to start), with its outputs captured. */
const inProcess = async (args: ReadonlyArray<string>): Promise<CliRun> => {
  const out = { stdout: '', stderr: '' };
  const ctx: CliContext = {
    stdout: { write: (text) => void (out.stdout += text), isTTY: false },
    stderr: { write: (text) => void (out.stderr += text), isTTY: false },
    env: {},
    colours: createColors(false),
    interactive: false,
  };
  const code = await run(args, ctx);
  return { code, ...out };
};

describe('--help', { timeout: 20_000 }, () => {
  it('works on the program and every command, and documents the exit codes', async () => {
    const top = await dossier(['--help'], { cwd: fixture.folder });
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Exit codes:');
    expect(top.stdout).toContain('3   store unavailable');
    const viaHelp = await dossier(['help', 'verify'], { cwd: fixture.folder });
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toContain('Usage: dossier verify');
    // No command at all: the help, as a usage error.
    const bare = await dossier([], { cwd: fixture.folder });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: dossier');
    // Each command's help in this process: the binary's own start is proven above, and a dozen processes starting
    // at once outlast any bound on a loaded CI machine.
    const commands = [
      'demo',
      'replay',
      'audit',
      'verify',
      'rebuild',
      'queue',
      'matrix',
      'export',
      'streams',
      'checkpoint',
      'prove',
    ];
    // The evidence commands that read no store: keys are made, and proofs checked, offline.
    const offline = ['keygen', 'verify-proof'];
    for (const command of [...commands, ...offline]) {
      expect(top.stdout, command).toMatch(new RegExp(`^  ${command} `, 'm'));
      const help = await inProcess([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout).toContain(`Usage: dossier ${command}`);
      if (commands.includes(command)) expect(help.stdout).toContain('--store <location>');
      else expect(help.stdout, command).not.toContain('--store <location>');
    }
  });
});

describe('colour', { timeout: 20_000 }, () => {
  const escape = '\u001b[';
  it('is off on a pipe, on with FORCE_COLOR, and NO_COLOR beats FORCE_COLOR', async () => {
    const piped = await dossier(['verify'], { cwd: fixture.folder, env: { NO_COLOR: '' } });
    expect(piped.stdout).not.toContain(escape);
    const forced = await dossier(['verify'], {
      cwd: fixture.folder,
      env: { NO_COLOR: '', FORCE_COLOR: '1' },
    });
    expect(forced.stdout).toContain(escape);
    const both = await dossier(['verify'], { cwd: fixture.folder, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(both.stdout).not.toContain(escape);
  });
});
