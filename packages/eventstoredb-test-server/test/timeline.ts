// Collecting reads and subscriptions in tests. No runtime import of a client package:
// the @kurrent/kurrentdb-client test uses this too, and the two clients must not load
// in one process.

/** The part of a resolved event (either client's) the tests look at. */
interface ResolvedLike {
  readonly event?:
    { readonly streamId: string; readonly revision: bigint; readonly type: string } | undefined;
}

interface PositionLike {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export async function collect<E>(read: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const item of read) out.push(item);
  return out;
}

export type Entry<E extends ResolvedLike = ResolvedLike> =
  | { readonly kind: 'confirmation' }
  | { readonly kind: 'caughtUp' }
  | { readonly kind: 'event'; readonly event: E }
  | { readonly kind: 'checkpoint'; readonly position: PositionLike };

interface SubscriptionEvents<E> {
  on(event: 'data', listener: (event: E) => void): unknown;
  on(event: string, listener: () => void): unknown;
}

/** Everything a subscription surfaces, in arrival order, with a bounded wait. */
export class Timeline<E extends ResolvedLike = ResolvedLike> {
  readonly entries: Entry<E>[] = [];
  error: Error | undefined;
  #waiters: (() => void)[] = [];

  /** Pass as a filter's `checkpointReached`. */
  readonly checkpoint = (_subscription: unknown, position: PositionLike): void =>
    this.#add({ kind: 'checkpoint', position });

  follow(subscription: SubscriptionEvents<E>): this {
    subscription.on('confirmation', () => this.#add({ kind: 'confirmation' }));
    subscription.on('caughtUp', () => this.#add({ kind: 'caughtUp' }));
    subscription.on('data', (event: E) => this.#add({ kind: 'event', event }));
    subscription.on('error', (error?: unknown) => {
      this.error = error instanceof Error ? error : new Error(String(error));
      this.#wake();
    });
    return this;
  }

  get events(): E[] {
    return this.entries.flatMap((entry) => (entry.kind === 'event' ? [entry.event] : []));
  }

  /** The entries as strings: `confirmation`, `caughtUp`, `checkpoint`, or the event type. */
  get sequence(): string[] {
    return this.entries.map((entry) =>
      entry.kind === 'event' ? (entry.event.event?.type ?? '?') : entry.kind,
    );
  }

  get checkpoints(): PositionLike[] {
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

  #add(entry: Entry<E>): void {
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
