import { expect, it, vi } from 'vitest';

it("PP-5 the README's example decodes, decides and folds, and a non-manager's invitation is refused", async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import('./readme/decide.js');
  expect(log.mock.calls[0]).toEqual(['InviteUser', 'refused:', 'NotAProfileUser']);
  expect(log.mock.calls[1]).toEqual(['created']);
  log.mockRestore();
});
