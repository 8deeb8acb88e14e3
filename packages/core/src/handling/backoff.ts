/** How to wait between retries after a conflict: exponential, fully jittered, with its randomness and sleep injectable. */
export interface Backoff {
  /** The ceiling of the first wait, doubled at each retry. */
  readonly baseMs: number;
  /** No wait is longer. */
  readonly maxMs: number;
  /** A number in [0, 1). */
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** 5 ms doubling up to 200 ms, with `Math.random` and `setTimeout`. */
export const defaultBackoff: Backoff = {
  baseMs: 5,
  maxMs: 200,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * The wait before retry `attempt` (0 for the first): a random share of an exponentially growing ceiling,
 * so that writers who collided once spread out instead of colliding again in step.
 */
export const backoffDelay = (backoff: Backoff, attempt: number): number =>
  backoff.random() * Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt);
