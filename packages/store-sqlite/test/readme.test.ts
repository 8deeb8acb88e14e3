import { expect, it, vi } from 'vitest';

it("the README's example appends to a file, refuses a stale writer and reads the stream back", async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import('./readme/journal.js');
  expect(log.mock.calls).toEqual([['ConcurrencyConflict', [{ text: 'hello' }]]]);
  log.mockRestore();
});
