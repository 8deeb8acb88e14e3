import { keyed, replayRows, type AnyProjection, type RecordedEvent } from '@dossier/core';
import { isDeepStrictEqual } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import { dossierProjections, type Dossier } from '../../src/index.js';
import { readLog } from './flowFixtures.js';
import { started, type OpenStores } from './harness.js';
import { subscribed, viewOf } from '@dossier/projections/testing';

/**
 * How many runs a property test makes: a quarter of `FC_RUNS` (200 unless set, as in the other packages), divided by
 * `divisor` for the costlier ones, since each run here goes through stores and runners.
 */
export const numRuns = (divisor = 1): number =>
  Math.max(1, Math.floor(Number(process.env['FC_RUNS'] ?? 200) / 4 / divisor));

/** Runs a property over Dossier started on fresh stores, its read models live from the start; closes all after. */
export const withDossier = async (
  open: OpenStores,
  run: (dossier: Dossier) => Promise<void>,
): Promise<void> => {
  const stores = await open();
  try {
    const dossier = await started(stores);
    try {
      await run(dossier);
    } finally {
      await dossier.stop();
    }
  } finally {
    await stores.close();
  }
};

// As a stored copy reads back: what a restart would see.
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/**
 * After the runners have caught up: the log, and every read model whose live view (its rows, as saved and as folded
 * since) differs from a rebuild from zero of that log (`replayRows`), by name.
 */
export const liveAgainstRebuild = async (
  dossier: Dossier,
): Promise<{ readonly events: ReadonlyArray<RecordedEvent>; readonly differing: ReadonlyArray<string> }> => {
  await dossier.waitUntilCaughtUp();
  const events = await readLog(dossier.store);
  const projections: ReadonlyArray<AnyProjection> = dossierProjections;
  const differing = projections
    .filter((projection) => {
      const live = dossier.rows(projection);
      const rebuilt = viewOf(projection, replayRows(keyed(projection), subscribed(projection, events)));
      return E.isLeft(live) || !isDeepStrictEqual(asJson(viewOf(projection, live.right)), asJson(rebuilt));
    })
    .map((projection) => projection.name);
  return { events, differing };
};
