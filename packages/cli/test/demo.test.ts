import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './support/build.js';
import { dossier } from './support/runCli.js';

const folder = mkdtempSync(join(tmpdir(), 'dossier-cli-demo-'));
beforeAll(() => buildCli(), 120_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('dossier demo', { timeout: 20_000 }, () => {
  it('records the story into ./.dossier/events.db, then a second run resumes writing nothing; the store verifies', async () => {
    const fresh = await dossier(['demo'], { cwd: folder });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toMatch(/^Fresh run: the store was empty; the story recorded (\d+) events/);
    expect(fresh.stdout).toContain('Open-ticket queue');
    expect(existsSync(join(folder, '.dossier', 'events.db'))).toBe(true);
    const recorded = /recorded (\d+) events/.exec(fresh.stdout)?.[1];

    const again = await dossier(['demo'], { cwd: folder });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Resumed run: this store already holds the story (${recorded} events)`);

    const verified = await dossier(['verify', '--json'], { cwd: folder });
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, events: Number(recorded) });
  });

  it('--projections keeps the read models and checkpoints in that file, which a second run resumes from', async () => {
    const store = `sqlite:${join(folder, 'kept', 'events.db')}`;
    const projections = join(folder, 'kept-projections.db');
    const fresh = await dossier(['demo', '--store', store, '--projections', projections], { cwd: folder });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(existsSync(projections)).toBe(true);
    const again = await dossier(['demo', '--store', store, '--projections', projections], { cwd: folder });
    expect(again.code, again.stderr).toBe(0);
    const views = (output: string) => output.slice(output.indexOf('Open-ticket queue'), output.indexOf('Where'));
    expect(views(again.stdout)).toBe(views(fresh.stdout));
  });

  it('a bad --store is a usage error', async () => {
    const run = await dossier(['demo', '--store', 'ftp://nowhere'], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown scheme');
  });
});
