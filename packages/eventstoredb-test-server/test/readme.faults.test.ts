// The README's fault example runs as shown and prints what its comments say.
import { expect, it, vi } from 'vitest';

it('the README fault example: an append cut after its commit, retried with the same id, is kept once', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import('./examples/faults.js');
  expect(log.mock.calls).toEqual([['unavailable'], [0n, 1]]);
  log.mockRestore();
});
