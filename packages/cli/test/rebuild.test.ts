import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureEventCount } from './support/fill.js';
import { useFilledStore } from './support/fixture.js';
import { dossier } from './support/runCli.js';

const fixture = useFilledStore();
const cli = (...args: ReadonlyArray<string>) => dossier(args, { cwd: fixture.folder });

interface RebuildJson {
  readonly projectionStore: string;
  readonly rebuilt: ReadonlyArray<{
    readonly name: string;
    readonly generation: number;
    readonly position: string | null;
  }>;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

describe('dossier rebuild', { timeout: 20_000 }, () => {
  it('rebuilds every read model into projections.db beside the event store, reading the log once, and prints the throughput', async () => {
    const run = await cli('rebuild');
    expect(run.code).toBe(0);
    // stderr is a pipe here: no progress bar.
    expect(run.stderr).toBe('');
    for (const name of ['openTicketQueue', 'permissionMatrix', 'pendingInvitations', 'auditTrail'])
      expect(run.stdout).toContain(`rebuilt ${name}`);
    // Each event of the log is read once, whichever read models fold it.
    const throughput = /(\d+) events read once and folded in (\d+\.\d+) s \((\d+) events\/s\)/.exec(
      run.stdout,
    );
    expect(throughput?.[1]).toBe(String(fixtureEventCount));
    expect(existsSync(join(fixture.folder, '.dossier', 'projections.db'))).toBe(true);
  });

  it('rebuilds one read model into a fresh generation each time, --json giving the figures', async () => {
    const first = JSON.parse((await cli('rebuild', 'auditTrail', '--json')).stdout) as RebuildJson;
    const second = JSON.parse((await cli('rebuild', 'auditTrail', '--json')).stdout) as RebuildJson;
    expect(first.rebuilt).toEqual([
      expect.objectContaining({ name: 'auditTrail', position: String(fixtureEventCount) }),
    ]);
    expect(second.rebuilt[0]?.generation).toBe((first.rebuilt[0]?.generation ?? 0) + 1);
    expect(second.events).toBe(fixtureEventCount);
    expect(second.seconds).toBeGreaterThan(0);
    expect(second.eventsPerSecond).toBe(Math.round(second.events / second.seconds));
  });

  it('--projections puts the read models in another file', async () => {
    const path = join(fixture.folder, 'elsewhere.db');
    const run = await cli('rebuild', 'permissionMatrix', '--projections', path);
    expect(run.code).toBe(0);
    expect(existsSync(path)).toBe(true);
  });

  it('an unknown read model is a usage error naming the four', async () => {
    const run = await cli('rebuild', 'orders');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('openTicketQueue, permissionMatrix, pendingInvitations, auditTrail');
  });
});
