import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { storeUnavailable, type EventSchema, type EventStore, type StoreUnavailable } from '@dossier/core';
import { createEventStoreDbStore, type ForeignEventPolicy } from '@dossier/store-eventstoredb';
import { openSqliteStore } from '@dossier/store-sqlite';
import {
  describeLocation,
  parseStoreLocation,
  type BadStoreLocation,
  type StoreLocation,
} from './location.js';
import { dossierSchema } from './schema.js';

/** An open store and where it is. */
export interface OpenedStore {
  readonly store: EventStore;
  readonly location: StoreLocation;
  /** The location as a person reads it. */
  readonly description: string;
}

/** How to open a store beyond its location. */
export interface OpenStoreOptions {
  /** The schema to validate and decode with; Dossier's domain schema unless told. */
  readonly schema?: EventSchema;
  /** Opens a SQLite file for reading only (it must exist). */
  readonly readOnly?: boolean;
  /** Gives `recordedAt`, ISO-8601 UTC; the system clock unless told. */
  readonly clock?: () => string;
  /**
   * EventStoreDB: what reads of the global log do with other applications' events on the same server — `skip` them,
   * counted (the default), or `strict`: report the first as undecodable, for an audit. A SQLite file holds only Dossier's.
   */
  readonly foreignEvents?: ForeignEventPolicy;
}

const openLocation = (
  location: StoreLocation,
  options: OpenStoreOptions,
): TE.TaskEither<StoreUnavailable, EventStore> => {
  const schema = options.schema ?? dossierSchema;
  if (location.kind === 'sqlite') {
    return openSqliteStore({
      path: location.path,
      schema,
      readOnly: options.readOnly ?? false,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
  }
  const clock = options.clock;
  return TE.fromEither(
    E.tryCatch(
      () =>
        createEventStoreDbStore(
          { connectionString: location.connectionString },
          {
            schema,
            ...(clock === undefined ? {} : { clock: () => new Date(clock()) }),
            ...(options.foreignEvents === undefined ? {} : { foreignEvents: options.foreignEvents }),
          },
        ),
      storeUnavailable,
    ),
  );
};

/** Opens the store a location string names (see {@link parseStoreLocation}); never throws. */
export const openStore = (
  given: string | undefined,
  options: OpenStoreOptions = {},
): TE.TaskEither<BadStoreLocation | StoreUnavailable, OpenedStore> =>
  pipe(
    TE.fromEither<BadStoreLocation | StoreUnavailable, StoreLocation>(parseStoreLocation(given)),
    TE.chain((location) =>
      pipe(
        openLocation(location, options),
        TE.mapLeft((error): BadStoreLocation | StoreUnavailable => error),
        TE.map((store) => ({ store, location, description: describeLocation(location) })),
      ),
    ),
  );
