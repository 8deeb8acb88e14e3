import { describe, expect, it } from 'vitest';
import { auditor, newcomer, profileStream, recorded, routineCase } from './support/fill.js';
import { useFilledStore } from './support/fixture.js';
import { dossier } from './support/runCli.js';

const fixture = useFilledStore();
const cli = (...args: ReadonlyArray<string>) => dossier(args, { cwd: fixture.folder });

describe('dossier audit', { timeout: 20_000 }, () => {
  it('RM-4 prints who did what, when, through which command, and what changed', async () => {
    const run = await cli('audit', profileStream);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('5 change(s)');
    for (const command of ['CreateProfile', 'InviteUser', 'ActivateInvitedUser', 'ChangePermissions'])
      expect(run.stdout).toContain(command);
    expect(run.stdout).toContain('system:invitation-flow');
    expect(run.stdout).toContain('manage-users');
  });

  it('RM-4 --json gives one entry per event with actor, instants, command type and description', async () => {
    const run = await cli('audit', profileStream, '--json');
    const { stream, entries } = JSON.parse(run.stdout) as {
      stream: string;
      entries: ReadonlyArray<{
        revision: string;
        actor: string;
        at: string;
        recordedAt: string;
        commandType: string;
        description: string;
      }>;
    };
    expect(stream).toBe(profileStream);
    expect(entries.map((e) => e.commandType)).toEqual([
      'CreateProfile',
      'InviteUser',
      'ActivateInvitedUser',
      'ChangePermissions',
      'InviteUser',
    ]);
    expect(entries[3]).toMatchObject({
      revision: '3',
      actor: 'user-owner',
      recordedAt: recorded.permissionsChanged,
      at: '2026-03-05T11:59:00.000Z',
    });
    expect(entries[3]?.description).toContain(newcomer.email);
  });

  it('an unknown aggregate exits 1', async () => {
    const run = await cli('audit', 'supportCase-nope');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no stream named "supportCase-nope"');
  });
});

interface QueueJson {
  readonly now: string;
  readonly items: ReadonlyArray<{
    readonly caseId: string;
    readonly priority: string;
    readonly status: string;
    readonly firstResponseDue: string;
    readonly breached: boolean;
  }>;
}

describe('dossier queue', { timeout: 20_000 }, () => {
  it('RM-1 lists open cases P1 first with due times, flagging the unanswered P1 as breached (SC-6, SC-7)', async () => {
    const run = await cli('queue', '--now', '2026-03-04T00:00:00Z');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 case(s)');
    expect(run.stdout).toContain('1 breached');
    expect(run.stdout.indexOf('c1')).toBeLessThan(run.stdout.indexOf('c2'));
    expect(run.stdout).toContain('BREACHED');
    expect(run.stdout).toContain('2026-03-03T09:59:00.000Z');
  });

  it('SC-7 --now before the due time shows no breach', async () => {
    const { items } = JSON.parse(
      (await cli('queue', '--now', '2026-03-02T12:00:00Z', '--json')).stdout,
    ) as QueueJson;
    expect(items.map((i) => [i.caseId, i.breached])).toEqual([
      ['c1', false],
      ['c2', false],
    ]);
  });

  it('filters by customer, priority and status', async () => {
    const byCustomer = JSON.parse(
      (await cli('queue', '--customer', 'globex', '--json', '--now', recorded.permissionsChanged)).stdout,
    ) as QueueJson;
    expect(byCustomer.items.map((i) => i.caseId)).toEqual(['c2']);
    const byPriority = JSON.parse((await cli('queue', '--priority', 'P1', '--json')).stdout) as QueueJson;
    expect(byPriority.items.map((i) => i.caseId)).toEqual(['c1']);
    const byStatus = JSON.parse(
      (await cli('queue', '--status', 'in-progress', '--json')).stdout,
    ) as QueueJson;
    expect(byStatus.items).toEqual([expect.objectContaining({ caseId: 'c2', status: 'in-progress' })]);
  });

  it('an unknown priority is a usage error naming the allowed ones', async () => {
    const run = await cli('queue', '--priority', 'P9');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('P1, P2, P3, P4');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a malformed --now is a usage error', async () => {
    const run = await cli('queue', '--now', '2026-13-40');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--now "2026-13-40" is not an instant');
  });
});

describe('dossier matrix', { timeout: 20_000 }, () => {
  it('RM-2 prints users × permissions, e-mail preferences and the primary contact', async () => {
    const run = await cli('matrix', 'acme');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Acme Ltd (acme)');
    expect(run.stdout).toContain('primary contact owner@acme.example');
    expect(run.stdout).toContain(newcomer.email);
    expect(run.stdout).toContain('administrative');
    expect(run.stdout).toContain('Pending (invited, not yet accepted)');
    expect(run.stdout).toContain(auditor);
    // PP-3: business profiles offer no edit-profile column.
    expect(run.stdout).not.toContain('edit-profile');
  });

  it('RM-2 --json as of the log: the newcomer holds exactly what was granted; the stream name works too', async () => {
    const matrix = JSON.parse((await cli('matrix', profileStream, '--json')).stdout) as {
      columns: ReadonlyArray<string>;
      users: ReadonlyArray<{ email: string; permissions: ReadonlyArray<string>; primaryContact: boolean }>;
      pending: ReadonlyArray<unknown>;
    };
    expect(matrix.columns).toEqual(['read', 'purchase', 'manage-users', 'admin']);
    expect(matrix.users.find((u) => u.email === newcomer.email)).toMatchObject({
      permissions: ['read', 'purchase', 'manage-users'],
      primaryContact: false,
    });
    // PP-8: the auditor the newcomer invited shows as pending, not as a user.
    expect(matrix.pending).toEqual([
      expect.objectContaining({ email: auditor, permissions: ['read'], invitedBy: newcomer.id }),
    ]);
    expect(matrix.users.map((u) => u.email)).not.toContain(auditor);
  });

  it('an unknown profile exits 1, naming the profiles the store holds', async () => {
    const run = await cli('matrix', 'initech');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no payment profile "initech"');
    expect(run.stderr).toContain('it holds acme');
  });
});

describe('dossier streams', { timeout: 20_000 }, () => {
  it('lists every stream with its event count', async () => {
    const { streams } = JSON.parse((await cli('streams', '--json')).stdout) as {
      streams: ReadonlyArray<{ stream: string; events: number; lastRevision: string }>;
    };
    expect(streams.find((s) => s.stream === routineCase)).toEqual(
      expect.objectContaining({ events: 2, lastRevision: '1' }),
    );
    expect(streams).toHaveLength(4);
  });
});
