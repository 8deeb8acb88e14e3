// The fault suite's commands: support-case worlds drawn from a seed (each with case ids of its own, so that worlds
// never share a stream), dealt to writers that each own their worlds' streams. The same seed gives the same
// commands, with the same command ids, in the same order per writer.
import fc from 'fast-check';
import type { SupportCaseCommand } from '@dossier/domain';
import { supportCaseStepsArb, type Step } from '@dossier/projections/testing';

/** One command to send: its stream, the command and its id (kept by every retry). */
export interface PlannedCommand {
  readonly stream: string;
  readonly command: SupportCaseCommand;
  readonly commandId: string;
}

/** A world's steps with its case ids renamed `w<k>-case-n`, in streams and in the commands' data alike. */
const renamed = (steps: ReadonlyArray<Step<SupportCaseCommand>>, world: number): Step<SupportCaseCommand>[] =>
  JSON.parse(
    JSON.stringify(steps).replace(/\bcase-(\d+)/g, `w${world}-case-$1`),
  ) as Step<SupportCaseCommand>[];

/** At least `commands` commands in worlds drawn from `seed`, dealt round-robin by world to `writers` writers. */
export const plan = (seed: number, commands: number, writers: number): ReadonlyArray<PlannedCommand[]> => {
  const lanes: PlannedCommand[][] = Array.from({ length: writers }, () => []);
  let total = 0;
  for (let batch = 0; total < commands; batch++) {
    const worlds = fc.sample(supportCaseStepsArb, { seed: seed + batch, numRuns: 20 });
    for (const [index, steps] of worlds.entries()) {
      const world = batch * 20 + index;
      const lane = lanes[world % writers]!;
      for (const [n, step] of renamed(steps, world).entries()) {
        lane.push({ stream: step.stream, command: step.command, commandId: `w${world}-c${n}` });
        total += 1;
      }
    }
  }
  return lanes;
};

/** A small seeded generator (mulberry32): the faults' dice, the same for the same seed. */
export const dice = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
