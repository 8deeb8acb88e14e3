import { SingleBar } from 'cli-progress';
import type { CliContext } from './context.js';

/** A progress display that shows only on a terminal: elsewhere every call does nothing. */
export interface Progress {
  /** The bar at `done` of `total` (positions of the log), with `events` read so far. */
  readonly update: (done: number, total: number, events: number) => void;
  readonly stop: () => void;
}

/** A progress bar on stderr when it is a terminal (and colour allowed for the bar's glyphs), else nothing. */
export const progressBar = (ctx: CliContext, label: string): Progress => {
  if (!ctx.interactive) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% of the log | {events} events read | {duration_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
  });
  let started = false;
  return {
    update: (done, total, events) => {
      if (!started) {
        bar.start(total, done, { events });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { events });
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
};
