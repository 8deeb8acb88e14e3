import { SingleBar } from 'cli-progress';
import type { CliContext } from './context.js';

/** A progress display that shows only on a terminal: elsewhere every call does nothing. */
export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

/** A progress bar on stderr when it is a terminal (and colour allowed for the bar's glyphs), else nothing. */
export const progressBar = (ctx: CliContext, label: string): Progress => {
  if (!ctx.interactive) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} positions | {duration_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
  });
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
};
