import { describe, expect, it } from 'vitest';
import { useFilledStore } from './support/fixture.js';
import { newcomer, profileStream, recorded, urgentCase } from './support/fill.js';
import { dossier } from './support/runCli.js';

const fixture = useFilledStore();

interface ReplayJson {
  readonly stream: string;
  readonly clock: string;
  readonly asOf: string | null;
  readonly revision: string | null;
  readonly laterEvents: number;
  readonly events: ReadonlyArray<{
    readonly revision: string;
    readonly type: string;
    readonly actor: string;
    readonly recordedAt: string;
    readonly at: string;
    readonly description: string;
  }>;
  readonly state: {
    readonly status: string;
    readonly users?: ReadonlyArray<{ readonly email: string; readonly permissions: ReadonlyArray<string> }>;
    readonly pending?: ReadonlyArray<unknown>;
  };
}

describe('dossier replay', { timeout: 20_000 }, () => {
  it('prints every event of the stream and the state they fold to', async () => {
    const run = await dossier(['replay', profileStream], { cwd: fixture.folder });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('5 event(s), up to revision 4');
    for (const type of ['ProfileCreated', 'UserInvited', 'InvitedUserActivated', 'PermissionsChanged'])
      expect(run.stdout).toContain(type);
    expect(run.stdout).toContain(recorded.permissionsChanged);
    expect(run.stdout).toContain('"manage-users"');
  });

  it('--as-of folds only the events recorded at or before the instant, by the recordedAt clock', async () => {
    const run = await dossier(['replay', profileStream, '--as-of', recorded.userInvited, '--json'], {
      cwd: fixture.folder,
    });
    expect(run.code).toBe(0);
    const replay = JSON.parse(run.stdout) as ReplayJson;
    expect(replay).toMatchObject({
      stream: profileStream,
      clock: 'recordedAt',
      asOf: recorded.userInvited,
      revision: '1',
      laterEvents: 3,
    });
    expect(replay.events.map((e) => e.type)).toEqual(['ProfileCreated', 'UserInvited']);
    expect(replay.events[1]).toMatchObject({
      revision: '1',
      actor: 'user-owner',
      recordedAt: recorded.userInvited,
      at: '2026-03-03T09:59:00.000Z',
    });
    expect(replay.events[1]?.description).toContain(newcomer.email);
    // Invited but not yet activated at that moment: pending, not a user.
    expect(replay.state.status).toBe('created');
    expect(replay.state.users?.map((u) => u.email)).toEqual(['owner@acme.example']);
    expect(replay.state.pending).toHaveLength(1);
  });

  it('--as-of one millisecond before an event leaves it out', async () => {
    const justBefore = new Date(Date.parse(recorded.userActivated) - 1).toISOString();
    const run = await dossier(['replay', profileStream, '--as-of', justBefore, '--json'], {
      cwd: fixture.folder,
    });
    const replay = JSON.parse(run.stdout) as ReplayJson;
    expect(replay.revision).toBe('1');
    const atIt = JSON.parse(
      (
        await dossier(['replay', profileStream, '--as-of', recorded.userActivated, '--json'], {
          cwd: fixture.folder,
        })
      ).stdout,
    ) as ReplayJson;
    expect(atIt.revision).toBe('2');
    expect(atIt.state.users?.map((u) => u.email)).toEqual(['owner@acme.example', newcomer.email]);
  });

  it('--as-of accepts an offset and normalises it to UTC', async () => {
    const run = await dossier(['replay', urgentCase, '--as-of', '2026-03-02T17:00:00+07:00', '--json'], {
      cwd: fixture.folder,
    });
    const replay = JSON.parse(run.stdout) as ReplayJson;
    expect(replay.asOf).toBe(recorded.urgentOpened);
    expect(replay.events.map((e) => e.type)).toEqual(['CaseOpened']);
  });

  it('before the first event, says the aggregate did not exist yet and shows the initial state', async () => {
    const run = await dossier(['replay', profileStream, '--as-of', '2026-01-01T00:00:00Z'], {
      cwd: fixture.folder,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('did not exist yet');
    expect(run.stdout).toContain('"status": "absent"');
  });

  it('a malformed instant is a usage error (exit 2) naming the option and the expected form', async () => {
    const run = await dossier(['replay', profileStream, '--as-of', 'yesterday'], { cwd: fixture.folder });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--as-of "yesterday" is not an instant');
    expect(run.stderr).toContain('2026-03-01T09:30:00Z');
  });

  it('an unknown stream exits 1 with one line saying so', async () => {
    const run = await dossier(['replay', 'paymentProfile-nobody'], { cwd: fixture.folder });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no stream named "paymentProfile-nobody"');
  });

  it('a name that is no aggregate stream is a usage error listing the aggregates', async () => {
    const run = await dossier(['replay', 'orders-1'], { cwd: fixture.folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('supportCase, paymentProfile, invitation');
  });
});
