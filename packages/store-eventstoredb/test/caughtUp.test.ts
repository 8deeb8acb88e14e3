import { describe, expect, it } from 'vitest';
import { caughtUpTracker } from '../src/caughtUp.js';

describe('caughtUpTracker', () => {
  it('is caught up at the start when the log is empty or the start is at its end', () => {
    expect(caughtUpTracker(null, undefined).atStart()).toEqual({ kind: 'caughtUp', position: null });
    expect(caughtUpTracker(100n, 100n).atStart()).toEqual({ kind: 'caughtUp', position: 100n });
    expect(caughtUpTracker(100n, 250n).atStart()).toEqual({ kind: 'caughtUp', position: 250n });
    expect(caughtUpTracker(100n, 99n).atStart()).toBeUndefined();
  });

  it('says it after the event at the horizon, once', () => {
    const tracker = caughtUpTracker(300n, undefined);
    expect(tracker.before(100n)).toBeUndefined();
    expect(tracker.after(100n)).toBeUndefined();
    expect(tracker.before(300n)).toBeUndefined();
    expect(tracker.after(300n)).toEqual({ kind: 'caughtUp', position: 300n });
    expect(tracker.before(400n)).toBeUndefined();
    expect(tracker.after(400n)).toBeUndefined();
  });

  it('says it before the first event past the horizon, at the horizon', () => {
    const tracker = caughtUpTracker(300n, undefined);
    tracker.after(200n);
    expect(tracker.before(400n)).toEqual({ kind: 'caughtUp', position: 300n });
  });

  it('applies a checkpoint only once the events before it are handled, and only at or past the horizon', () => {
    const tracker = caughtUpTracker(300n, undefined);
    tracker.pin(1, 150n);
    tracker.pin(2, 320n);
    expect(tracker.due(0)).toBeUndefined();
    tracker.after(100n);
    expect(tracker.due(1)).toBeUndefined();
    tracker.after(200n);
    expect(tracker.due(2)).toEqual({ kind: 'caughtUp', position: 320n });
  });

  it('takes the server’s CaughtUp as passing the horizon, wherever the events stand', () => {
    const tracker = caughtUpTracker(300n, undefined);
    tracker.pin(1, undefined);
    tracker.after(100n);
    expect(tracker.due(1)).toEqual({ kind: 'caughtUp', position: 300n });
    expect(tracker.after(300n)).toBeUndefined();
  });
});
