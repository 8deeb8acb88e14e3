// The README's example runs as shown and prints what its comment says.
import { expect, it, vi } from 'vitest';

it('the README example with @eventstore/db-client appends and reads back over real gRPC', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import('./examples/withEventStoreDbClient.js');
  expect(log.mock.calls).toEqual([[['OrderPlaced']]]);
  log.mockRestore();
});
