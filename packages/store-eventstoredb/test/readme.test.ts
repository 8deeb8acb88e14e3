import { expect, it, vi } from 'vitest';

it("the README's example appends and reads back over real gRPC through @eventstore/db-client", async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import('./readme/journal.js');
  expect(log.mock.calls).toEqual([[[{ text: 'hello' }]]]);
  log.mockRestore();
});
