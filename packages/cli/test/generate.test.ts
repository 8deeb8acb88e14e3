import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '@dossier/store-sqlite';
import { fixtureEventCount } from './support/fill.js';
import { useFilledStore } from './support/fixture.js';
import { dossier } from './support/runCli.js';

const fixture = useFilledStore();
const cli = (...args: ReadonlyArray<string>) => dossier(args, { cwd: fixture.folder });

interface GenerateJson {
  readonly events: number;
  readonly commands: number;
  readonly flowCommands: number;
  readonly refused: number;
}

/** The log of a SQLite file as the domain wrote it: stream, type and data of each event, in order. */
const logOf = async (path: string): Promise<ReadonlyArray<string>> => {
  const store = createSqliteStore({ path });
  try {
    const all = await store.readAll()();
    if (E.isLeft(all)) throw new Error(all.left._tag);
    return all.right.map((e) => `${e.stream} ${e.type} ${JSON.stringify(e.data)}`);
  } finally {
    await store.close();
  }
};

describe('dossier generate', { timeout: 60_000 }, () => {
  it('writes a log through the domain that the same seed writes again, and another seed does not', async () => {
    const runs = await Promise.all(
      ['a', 'b', 'c'].map((name, i) =>
        cli(
          'generate',
          '--events',
          '600',
          '--seed',
          i === 2 ? '8' : '7',
          '--store',
          `sqlite:${name}.db`,
          '--json',
        ),
      ),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const [first] = runs.map((run) => JSON.parse(run.stdout) as GenerateJson);
    expect(first?.events).toBeGreaterThanOrEqual(600);
    expect(first?.refused).toBe(0); // every command the story sends is one the domain accepts
    expect(first?.flowCommands).toBeGreaterThan(0);
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map((name) => logOf(join(fixture.folder, `${name}.db`))),
    );
    expect(a).toHaveLength(first?.events ?? -1);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    const types = new Set(a?.map((line) => line.split(' ')[1]));
    for (const type of [
      'CaseOpened',
      'WorkStarted',
      'CaseResolved',
      'ProfileCreated',
      'UserInvited',
      'InvitationIssued',
    ])
      expect(types).toContain(type);
    const rebuilt = await cli('rebuild', '--store', 'sqlite:a.db', '--projections', 'a.projections.db');
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain(`${first?.events} events read once`);
  });

  it('refuses a store that holds events, writing nothing, unless --append is given', async () => {
    const refused = await cli('generate', '--events', '50', '--store', `sqlite:${fixture.dbPath}`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already holds events');
    expect(refused.stderr).toContain('--append');
    expect(await logOf(fixture.dbPath)).toHaveLength(fixtureEventCount);
    const appended = await cli(
      'generate',
      '--events',
      '50',
      '--store',
      `sqlite:${fixture.dbPath}`,
      '--append',
      '--json',
    );
    expect(appended.code, appended.stderr).toBe(0);
    const report = JSON.parse(appended.stdout) as GenerateJson;
    expect(report.refused).toBe(0);
    expect(await logOf(fixture.dbPath)).toHaveLength(fixtureEventCount + report.events);
  });

  it('says what is wrong with --events', async () => {
    const run = await cli('generate', '--events', 'many', '--store', 'sqlite:x.db');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--events');
  });
});
