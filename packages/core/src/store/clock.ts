/**
 * The system clock as stores stamp `recordedAt` (ISO-8601 UTC, milliseconds): the text is made once per
 * millisecond and reused by every append within it, since formatting a date costs more than the rest of a
 * small append's bookkeeping.
 */
export const systemClock = (): (() => string) => {
  let lastMs = Number.NaN;
  let text = '';
  return () => {
    const now = Date.now();
    if (now !== lastMs) {
      lastMs = now;
      text = new Date(now).toISOString();
    }
    return text;
  };
};
