import type { Instant } from '@dossier/domain';

/** The demo's simulated calendar: the instant the story is at, which also stamps what the store records. */
export interface SimulatedClock {
  readonly now: () => Instant;
  readonly set: (instant: Instant) => void;
}

/** A simulated clock starting at `start`. */
export const simulatedClock = (start: Instant): SimulatedClock => {
  let current = start;
  return {
    now: () => current,
    set: (instant) => {
      current = instant;
    },
  };
};
