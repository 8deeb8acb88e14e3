import { expect, it, vi } from 'vitest';

it("the README's example handles a command, recognises its repeat and refuses a bad one", async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import('./readme/account.js');
  expect(log.mock.calls).toEqual([[50, true, 'NotPositive']]);
  log.mockRestore();
});
