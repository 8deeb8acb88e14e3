import { describe, expect, it } from 'vitest';
import { runInMemory } from '../src/runInMemory.js';
import { runOnSqlite } from '../src/runOnSqlite.js';
import { shipOnPayment } from '../src/shipOnPayment.js';

describe('the projection tour', () => {
  it('folds the tickets, reports its status, announces its saves and swaps in a rebuild', async () => {
    const tour = await runInMemory();
    expect(tour.openP1).toBe(2);
    expect(tour.total).toBe(2);
    expect(tour.status).toMatchObject({
      name: 'openTickets',
      phase: 'live',
      position: 3n,
      checkpoint: 3n,
      head: 3n,
      lag: 0n,
      caughtUp: true,
    });
    expect(tour.heard.at(-1)).toEqual({ projection: 'openTickets', position: 3n, reason: 'rebuilt' });
    expect(tour.heard.filter((change) => change.reason === 'saved').at(-1)?.position).toBe(3n);
    expect(tour.rebuilt).toBe('generation 1 at 3');
  });

  it('on SQLite, a second start folds only the event that came after the first', async () => {
    expect(await runOnSqlite()).toEqual({ appliedPerRun: [10, 1], total: 9 });
  });

  it('IN-4 a process manager run twice over the same events ships each order once, and records the refusal each time', async () => {
    expect(await shipOnPayment()).toEqual({
      shipments: [1, 0, 1],
      refused: ['order-b: NothingToShip', 'order-b: NothingToShip'],
    });
  });
});
