/** Promises that settle once a consumer has reached a position (or caught up, for a null target). */
export interface PositionWaiters {
  readonly wait: (target: bigint | null) => Promise<void>;
  /** Settles every waiter whose target is now reached; call after each step forward. */
  readonly wake: () => void;
}

/** Waiters judged by `hasReached`, which also answers true once the consumer has ended. */
export const positionWaiters = (hasReached: (target: bigint | null) => boolean): PositionWaiters => {
  const waiting: Array<{ readonly target: bigint | null; readonly resolve: () => void }> = [];
  return {
    wait: (target) =>
      hasReached(target) ? Promise.resolve() : new Promise((resolve) => waiting.push({ target, resolve })),
    wake: () => {
      for (let i = waiting.length - 1; i >= 0; i--) {
        const waiter = waiting[i];
        if (waiter !== undefined && hasReached(waiter.target)) {
          waiting.splice(i, 1);
          waiter.resolve();
        }
      }
    },
  };
};

/** A pause between retries that `cancel` ends at once, so that stopping never waits out a backoff. */
export interface CancellablePause {
  readonly pause: (ms: number) => Promise<void>;
  readonly cancel: () => void;
}

/** A new {@link CancellablePause}; one pause at a time. */
export const cancellablePause = (): CancellablePause => {
  let wake: (() => void) | undefined;
  return {
    pause: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => wake?.(), ms);
        wake = () => {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        };
      }),
    cancel: () => wake?.(),
  };
};
