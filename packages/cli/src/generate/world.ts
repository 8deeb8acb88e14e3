import { nextStep, openCase, type CaseInFlight, type Planned } from './cases.js';
import { createProfile, profileStep, type People } from './profiles.js';
import type { Random } from './random.js';

// Cases in flight at most: a desk of this size keeps about this many open.
const caseWindow = 512;
// The demo's mix: most of the log is support cases; about one command in eight is about payment profiles.
const profileShare = 0.12;

/** The generated world: the cases in flight, the profiles and their people, and what comes next. */
export interface World {
  /** The next command of the story, at `at` (milliseconds since the epoch). */
  readonly next: (at: number) => Planned;
}

/** A world drawn from `random`, its ids prefixed with `prefix` so that a second run can share a store. */
export const createWorld = (random: Random, prefix: string): World => {
  const cases: CaseInFlight[] = [];
  const people: People = { profiles: [], people: 0, invitations: 0 };
  let opened = 0;

  // A desk opens new cases while it works on those in flight (about one in four commands opens one), up to the window.
  const caseCommand = (at: number): Planned => {
    while (cases.length >= caseWindow || (cases.length > 0 && !random.chance(0.25))) {
      const k = random.int(cases.length);
      const track = cases[k] as CaseInFlight;
      const step = nextStep(random, track, at);
      // A case with nothing left to do leaves the window, resolved or left open as some are.
      if (track.steps.length === 0) {
        cases[k] = cases[cases.length - 1] as CaseInFlight;
        cases.pop();
      }
      if (step !== undefined) return step;
    }
    const [track, command] = openCase(random, prefix, opened++, at);
    cases.push(track);
    return command;
  };

  return {
    next: (at) => {
      if (!random.chance(profileShare)) return caseCommand(at);
      return people.profiles.length < 20 || random.chance(0.03)
        ? createProfile(people, prefix, at)
        : profileStep(random, people, prefix, at);
    },
  };
};
