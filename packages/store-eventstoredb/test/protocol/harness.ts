// Test harness: a server on a random port plus a real @eventstore/db-client client,
// torn down after each test (client first, so its long-lived streams end, then the server).
import { EventStoreDBClient, type Position, type ResolvedEvent } from '@eventstore/db-client';
import { onTestFinished } from 'vitest';
import { loadProtocol } from '../server/protocol.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../server/server.js';

export async function serverAndClient(
  options: Omit<TestServerOptions, 'protocol'> = {},
): Promise<{ server: TestServer; client: EventStoreDBClient }> {
  const server = await startTestServer({ protocol: loadProtocol('@eventstore/db-client'), ...options });
  const client = EventStoreDBClient.connectionString(server.url);
  onTestFinished(async () => {
    await client.dispose();
    await server.stop();
  });
  return { server, client };
}

export async function collect<E>(read: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const item of read) out.push(item);
  return out;
}

export type Entry =
  | { readonly kind: 'confirmation' }
  | { readonly kind: 'caughtUp' }
  | { readonly kind: 'event'; readonly event: ResolvedEvent }
  | { readonly kind: 'checkpoint'; readonly position: Position };

interface SubscriptionEvents {
  on(event: 'data', listener: (event: ResolvedEvent) => void): unknown;
  on(event: string, listener: () => void): unknown;
}

/** Everything a subscription surfaces, in arrival order, with a bounded wait. */
export class Timeline {
  readonly entries: Entry[] = [];
  error: Error | undefined;
  #waiters: (() => void)[] = [];

  /** Pass as a filter's `checkpointReached`. */
  readonly checkpoint = (_subscription: unknown, position: Position): void =>
    this.#add({ kind: 'checkpoint', position });

  follow(subscription: SubscriptionEvents): this {
    subscription.on('confirmation', () => this.#add({ kind: 'confirmation' }));
    subscription.on('caughtUp', () => this.#add({ kind: 'caughtUp' }));
    subscription.on('data', (event: ResolvedEvent) => this.#add({ kind: 'event', event }));
    subscription.on('error', (error?: unknown) => {
      this.error = error instanceof Error ? error : new Error(String(error));
      this.#wake();
    });
    return this;
  }

  get events(): ResolvedEvent[] {
    return this.entries.flatMap((entry) => (entry.kind === 'event' ? [entry.event] : []));
  }

  /** The entries as strings: `confirmation`, `caughtUp`, `checkpoint`, or the event type. */
  get sequence(): string[] {
    return this.entries.map((entry) =>
      entry.kind === 'event' ? (entry.event.event?.type ?? '?') : entry.kind,
    );
  }

  get checkpoints(): Position[] {
    return this.entries.flatMap((entry) => (entry.kind === 'checkpoint' ? [entry.position] : []));
  }

  /** Resolves when `done` holds; rejects after `timeoutMs` so no test hangs. */
  async until(done: (timeline: this) => boolean, timeoutMs = 2_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this)) {
      if (this.error !== undefined) throw this.error;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out; timeline: ${JSON.stringify(this.entries.map(describe))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  #add(entry: Entry): void {
    this.entries.push(entry);
    this.#wake();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}

function describe(entry: Entry): string {
  switch (entry.kind) {
    case 'event':
      return `${entry.event.event?.streamId ?? '?'}@${entry.event.event?.revision ?? '?'}:${entry.event.event?.type ?? '?'}`;
    case 'checkpoint':
      return `checkpoint@${entry.position.commit}`;
    case 'confirmation':
    case 'caughtUp':
      return entry.kind;
  }
}
