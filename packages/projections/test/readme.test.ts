import { expect, it, vi } from 'vitest';

it("PP-10 the README's example folds a new profile into RM-2: its creator is primary contact and admin", async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import('./readme/matrix.js');
  expect(log.mock.calls).toEqual([['sari@example.com', true]]);
  log.mockRestore();
});
