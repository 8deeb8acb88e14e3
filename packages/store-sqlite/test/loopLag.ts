/**
 * The longest gap between ticks of a 5 ms interval while `during` runs: how long the event loop was blocked. A
 * synchronous wait for SQLite's lock shows here as a gap as long as the wait.
 */
export const loopLagDuring = async <A>(
  during: () => Promise<A>,
): Promise<{ readonly result: A; readonly lagMs: number }> => {
  let last = performance.now();
  let lagMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last);
    last = now;
  }, 5);
  try {
    const result = await during();
    lagMs = Math.max(lagMs, performance.now() - last);
    return { result, lagMs };
  } finally {
    clearInterval(ticker);
  }
};
