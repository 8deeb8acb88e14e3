import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureEventCount, profileStream } from './support/fill.js';
import { useFilledStore } from './support/fixture.js';
import { dossier, mainJs } from './support/runCli.js';

const fixture = useFilledStore();
const cli = (...args: ReadonlyArray<string>) => dossier(args, { cwd: fixture.folder });

interface ExportedEvent {
  readonly position: string;
  readonly stream: string;
  readonly revision: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: {
    readonly eventId: string;
    readonly actor: string;
    readonly recordedAt: string;
    readonly hash: string;
    readonly commandId: string;
  };
}

/** Splits CSV text into records of fields (RFC 4180 quoting), to read the export back. */
const parseCsv = (text: string): ReadonlyArray<ReadonlyArray<string>> => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
};

describe('dossier export', { timeout: 20_000 }, () => {
  it('--format jsonl writes every event in position order with its metadata', async () => {
    const run = await cli('export', '--format', 'jsonl');
    expect(run.code).toBe(0);
    const events = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ExportedEvent);
    expect(events).toHaveLength(fixtureEventCount);
    expect(events.map((e) => Number(e.position))).toEqual(
      [...events.map((e) => Number(e.position))].sort((a, b) => a - b),
    );
    expect(events[0]).toMatchObject({ stream: profileStream, revision: '0', type: 'ProfileCreated' });
    expect(events[0]?.metadata).toMatchObject({
      actor: 'user-owner',
      recordedAt: '2026-03-02T09:00:00.000Z',
      commandId: 'cmd-1',
    });
    expect(events[0]?.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('--format csv writes a header and one quoted record per event, data as JSON', async () => {
    const run = await cli('export', '--format', 'csv');
    expect(run.code).toBe(0);
    const [header, ...rows] = parseCsv(run.stdout);
    expect(header).toEqual([
      'position',
      'stream',
      'revision',
      'type',
      'eventId',
      'commandId',
      'commandHash',
      'correlationId',
      'causationId',
      'actor',
      'recordedAt',
      'schemaVersion',
      'hash',
      'data',
    ]);
    expect(rows).toHaveLength(fixtureEventCount);
    const first = rows[0] ?? [];
    expect(first.slice(0, 4)).toEqual(['1', profileStream, '0', 'ProfileCreated']);
    expect(JSON.parse(first[13] ?? 'null')).toMatchObject({ name: 'Acme Ltd', kind: 'business' });
  });

  it('--output writes the file and says so on stderr; stdout stays empty', async () => {
    const file = join(fixture.folder, 'log.jsonl');
    const run = await cli('export', '--output', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`exported ${fixtureEventCount} events`);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(fixtureEventCount);
  });

  it('stops quietly when the reader of its pipe goes away (dossier export | head -1)', async () => {
    const child = spawn(process.execPath, [mainJs, 'export'], {
      cwd: fixture.folder,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The reader goes away before the first write, as `head` does once it has its lines.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('an unknown format or an unwritable --output is a usage error', async () => {
    const format = await cli('export', '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('jsonl, csv');
    const output = await cli('export', '--output', join(fixture.folder, 'no-such-folder', 'log.jsonl'));
    expect(output.code).toBe(2);
    expect(output.stderr).toContain('cannot write --output');
  });
});

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('dossier export --output', { timeout: 60_000 }, () => {
  it('refuses the store itself, a link to it, and its -wal, -shm and -journal files, even with --force; the store stays whole', async () => {
    const before = sha(fixture.dbPath);
    const link = join(fixture.folder, 'link-to-store.db');
    symlinkSync(fixture.dbPath, link);
    const targets = [
      fixture.dbPath,
      link,
      ...['-wal', '-shm', '-journal'].map((suffix) => `${fixture.dbPath}${suffix}`),
    ];
    for (const target of targets) {
      for (const force of [[], ['--force']]) {
        const run = await cli('export', '--output', target, ...force);
        expect(run.code, `${target} ${force.join('')}`).toBe(2);
        expect(run.stderr).toContain('refusing --output');
      }
    }
    expect(sha(fixture.dbPath)).toBe(before);
    expect(existsSync(`${fixture.dbPath}-journal`)).toBe(false);
    expect((await cli('verify')).code).toBe(0);
  });

  it('refuses a file that exists unless --force, then replaces it whole; no temporary file is left', async () => {
    const folder = mkdtempSync(join(fixture.folder, 'out-'));
    const target = join(folder, 'log.jsonl');
    writeFileSync(target, 'keep me');
    const refused = await cli('export', '--output', target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    const forced = await cli('export', '--output', target, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8').trim().split('\n')).toHaveLength(fixtureEventCount);
    expect(readdirSync(folder)).toEqual(['log.jsonl']);
  });

  it('writes a new file only once the export is complete', async () => {
    const folder = mkdtempSync(join(fixture.folder, 'out-'));
    const target = join(folder, 'log.csv');
    const run = await cli('export', '--format', 'csv', '--output', target);
    expect(run.code).toBe(0);
    expect(readdirSync(folder)).toEqual(['log.csv']);
    expect(readFileSync(target, 'utf8').trim().split('\r\n')).toHaveLength(fixtureEventCount + 1);
  });
});
