/**
 * How often an `any` or `exists` write re-reads the stream after losing a race to another writer. Each
 * round of a race has a winner, so with n writers on one stream the last one needs n tries; this bounds
 * a pathological storm, not ordinary contention.
 */
export const maxAttempts = 100;

/** After a few lost races, a short random pause, so that racing writers stop colliding in lockstep. */
export const backoff = (attempt: number): Promise<void> =>
  attempt < 3
    ? Promise.resolve()
    : new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));
