import * as E from 'fp-ts/lib/Either.js';
import { openProjectionStore, openStore, type BadStoreLocation } from '@dossier/app';
import type { DossierStartError } from '@dossier/app';
import type { EventStore, ProjectionStore, StoreError } from '@dossier/core';
import { demoNow, on } from '../calendar.js';
import { batikProfile, nusantaraProfile, rinaProfile } from '../cast.js';
import { printClosing } from '../print/closing.js';
import { printMatrix } from '../print/matrix.js';
import { printQueue } from '../print/queue.js';
import { printRefusals } from '../print/refusals.js';
import { printStory } from '../print/story.js';
import { makeStyle, type Output, type Style } from '../print/style.js';
import { startRuntime, type DemoRuntime } from '../runtime/runtime.js';
import { script } from '../scenario/index.js';
import { simulatedClock, type SimulatedClock } from './clock.js';
import { countEvents, progressOf, type Progress } from './inventory.js';
import { describeWhere, storeArgument } from './location.js';
import { play, type Played } from './play.js';

/** How to run the demo. */
export interface DemoOptions {
  /** A store location (`sqlite:<path>`, `esdb://…`); `./.dossier/events.db` under the working directory unless told. */
  readonly store?: string;
  readonly out: Output;
  /** Colours in the output; off unless told (the CLI turns them on for a TTY). */
  readonly color?: boolean;
  /** The directory the printed `--store` paths are relative to; the working directory unless told. */
  readonly relativeTo?: string;
  /** How the reader runs the CLI, for the commands the closing suggests: `dossier` unless told (`npx dossier`, …). */
  readonly cli?: string;
  /**
   * A SQLite file for the read models' state and the flows' checkpoints, so that a later run resumes from them instead
   * of folding the whole log again (on EventStoreDB too); in memory unless told. Keep one file per event store: its
   * checkpoints are positions in that store's log.
   */
  readonly projections?: string;
}

/** What a demo run did. */
export interface DemoReport {
  /** `fresh`: the store was empty; `complete`: it held the scenario already, nothing was written; `partial`: an interrupted run was finished. */
  readonly progress: Progress;
  readonly where: string;
  readonly storeArgument: string;
  readonly eventsBefore: number;
  readonly eventsAfter: number;
  readonly played: ReadonlyArray<Played>;
  /** Steps whose outcome was not the one the script expects; empty on a good run. */
  readonly surprises: ReadonlyArray<Played>;
  /** Commands the invitation flow's process manager had refused. */
  readonly flowRefusals: number;
}

/** Why the demo could not run. */
export type DemoFailure = BadStoreLocation | StoreError | DossierStartError;

const runs: Readonly<Record<Progress, (before: number, after: number) => string>> = {
  fresh: (_before, after) => `Fresh run: the store was empty; the story recorded ${after} events.`,
  complete: (before) =>
    `Resumed run: this store already holds the story (${before} events), so nothing was written; the views below are rebuilt from the stored events. Refusals record nothing, so they show on a fresh run only: delete the file (or give another store) to see one.`,
  partial: (before, after) =>
    `Resumed an interrupted run: ${before} events were there; commands already recorded were recognised by their ids and not applied again; ${after - before} events were added.`,
};

// #region views
const views = (style: Style, runtime: DemoRuntime): string => {
  const queue = runtime.openTicketQueue();
  const matrix = runtime.permissionMatrix();
  const pending = runtime.pendingInvitations();
  if (E.isLeft(queue) || E.isLeft(matrix) || E.isLeft(pending)) return '';
  const profiles = [nusantaraProfile, batikProfile, rinaProfile].flatMap((id) => {
    const found = matrix.right.profile(id);
    return found === undefined ? [] : [printMatrix(style, found, pending.right.forProfile(id))];
  });
  return printQueue(style, queue.right.list({ now: demoNow }), demoNow) + profiles.join('');
};
// #endregion views

const runOn = async (
  store: EventStore,
  states: ProjectionStore | undefined,
  clock: SimulatedClock,
  options: DemoOptions,
  style: Style,
): Promise<E.Either<DemoFailure, Omit<DemoReport, 'where' | 'storeArgument'>>> => {
  const before = await countEvents(store);
  if (E.isLeft(before)) return before;
  const progress = await progressOf(store, script);
  if (E.isLeft(progress)) return progress;
  const started = await startRuntime(store, states);
  if (E.isLeft(started)) return started;
  const runtime = started.right;
  const played = progress.right === 'complete' ? [] : await play(runtime, script, clock, demoNow);
  await runtime.waitUntilCaughtUp();
  const after = await countEvents(store);
  const text = views(style, runtime);
  const flowRefusals = await runtime.flowRefusals();
  await runtime.stop();
  if (E.isLeft(after)) return after;
  options.out.write(`${style.bold(runs[progress.right](before.right, after.right))}\n`);
  options.out.write(printStory(style, played) + printRefusals(style, played) + text);
  return E.right({
    progress: progress.right,
    eventsBefore: before.right,
    eventsAfter: after.right,
    played,
    surprises: played.filter((entry) => entry.surprise !== undefined),
    flowRefusals,
  });
};

/**
 * Runs the support-desk story through Dossier on a store — SQLite by default, EventStoreDB for an `esdb://`
 * location — and prints the story, the refusals, the open-ticket queue and the permission matrices, then where the
 * data lives and what to try next. A second run on the same store writes nothing and says it resumed.
 */
export const runDemo = async (options: DemoOptions): Promise<E.Either<DemoFailure, DemoReport>> => {
  const style = makeStyle(options.color ?? false);
  // The store stamps what it records with the story's calendar, so `--as-of` instants read like the story's dates.
  // #region openStore
  const clock = simulatedClock(on(0));
  const opened = await openStore(options.store, { clock: clock.now })();
  // #endregion openStore
  if (E.isLeft(opened)) return opened;
  const { store, location, description } = opened.right;
  const states =
    options.projections === undefined ? undefined : openProjectionStore(location, options.projections);
  try {
    const ran = await runOn(store, states, clock, options, style);
    if (E.isLeft(ran)) return ran;
    const where = describeWhere(location, description);
    const argument = storeArgument(location, options.relativeTo ?? process.cwd());
    options.out.write(printClosing(style, where, argument, options.cli ?? 'dossier'));
    return E.right({ ...ran.right, where, storeArgument: argument });
  } finally {
    await states?.close();
    await store.close();
  }
};
