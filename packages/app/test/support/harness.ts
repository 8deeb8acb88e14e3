import * as TE from 'fp-ts/lib/TaskEither.js';
import { storeUnavailable, type EventStore, type ProjectionStore, type CopyChanges } from '@dossier/core';
import { createDossier, type Dossier, type DossierOptions } from '../../src/index.js';
import { right } from './flowFixtures.js';

/** An event store with a projection store beside it, as a test opens them; `close` releases both. */
export interface Stores {
  readonly store: EventStore;
  readonly states: ProjectionStore;
  readonly close: () => Promise<void>;
}

/** Opens a fresh pair of stores: in memory, in a temporary SQLite file, on a test server… */
export type OpenStores = () => Promise<Stores>;

/** Creates and starts Dossier over the stores; the caller stops it. */
export const started = async (
  stores: Pick<Stores, 'store' | 'states'>,
  options: Partial<DossierOptions> = {},
): Promise<Dossier> => {
  const dossier = createDossier({
    store: stores.store,
    projectionStore: stores.states,
    idleMs: 5,
    ...options,
  });
  await right(() => dossier.start());
  return dossier;
};

/** A switch that makes a projection store refuse the saves it picks, as a process killed before writing would. */
export interface Crash {
  readonly states: ProjectionStore;
  on: boolean;
  /** How many saves were refused. */
  refused: number;
}

/** Wraps a projection store so that, while the switch is on, every save of `name` that moves a checkpoint fails. */
export const crashBeforeSaving = (states: ProjectionStore, name: string): Crash => {
  const crash: Crash = {
    on: true,
    refused: 0,
    states: {
      ...states,
      save: (copy: CopyChanges) => {
        if (!crash.on || copy.key.name !== name || copy.checkpoint === null) return states.save(copy);
        crash.refused += 1;
        return TE.left(storeUnavailable(`crash before saving ${name}`));
      },
    },
  };
  return crash;
};

/** Polls until `condition` holds, failing the test after `timeoutMs` (a bound on waiting, not a timing assertion). */
export const eventually = async (condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
