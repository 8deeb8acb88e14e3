import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { openStore, parseStoreLocation, type StoreLocation } from '@dossier/app';
import { type EventSchema, type EventStore, type RecordedTip, type StoreError } from '@dossier/core';
import { openSqliteStore, type SqliteEventStore } from '@dossier/store-sqlite';
import { exitCodes } from './exitCodes.js';
import { badLocation, cliFailure, fromStoreError, type CliFailure } from './failure.js';
import { invocationOf } from './invocation.js';
import { boundedReads } from './timeout.js';

/** The options every store-reading command takes. */
export interface StoreOptions {
  /** `--store`; `DOSSIER_STORE` or the embedded default when omitted. */
  readonly store?: string;
  /** How long to wait for the store, in milliseconds (`--timeout`). */
  readonly timeout: number;
  /** EventStoreDB: fail on another application's event in the global log instead of skipping it (`--strict`). */
  readonly strict?: boolean;
}

/** An open store whose every call is bounded in time and fails as a {@link CliFailure}. */
export interface StoreSession {
  /** The store, each of its reads bounded by the time-out. */
  readonly store: EventStore;
  /** The store as a person reads it, e.g. `SQLite file ./.dossier/events.db`. */
  readonly description: string;
  readonly location: StoreLocation;
  /** The tips the store records apart from its log (SQLite's `streams` table), when it has such a record. */
  readonly tips: (() => TE.TaskEither<StoreError, ReadonlyArray<RecordedTip>>) | undefined;
  /** Runs a store task, turning its error into what the CLI says. */
  readonly run: <A>(task: TE.TaskEither<StoreError, A>) => TE.TaskEither<CliFailure, A>;
}

type SessionTips = StoreSession['tips'];

const missingFile = (path: string, invocation: string): CliFailure =>
  cliFailure(
    exitCodes.storeUnavailable,
    `no event store at ${path}: run ${invocation} demo to create one, or point --store (or DOSSIER_STORE) at an existing sqlite:<path>`,
  );

const openSqlite = (
  path: string,
  schema: EventSchema,
  timeout: number,
  invocation: string,
): TE.TaskEither<CliFailure, SqliteEventStore> => {
  const absolute = resolve(path);
  // A read command must never create a file: look before SQLite does.
  if (!existsSync(absolute)) return TE.left(missingFile(path, invocation));
  if (statSync(absolute).isDirectory())
    return TE.left(
      cliFailure(
        exitCodes.storeUnavailable,
        `${path} is a directory, not an event store: give the database file, e.g. --store sqlite:${path}/events.db`,
      ),
    );
  return pipe(
    openSqliteStore({ path, schema, readOnly: true, busyTimeoutMs: timeout }),
    TE.mapLeft((error) => fromStoreError(error, `SQLite file ${path}`)),
  );
};

/**
 * Opens the store `--store` names (else `DOSSIER_STORE`, else `./.dossier/events.db`) for reading: SQLite
 * read-only, so nothing is created or changed; EventStoreDB with every call bounded by the time-out.
 */
export const openForReading = (
  options: StoreOptions,
  env: Readonly<Record<string, string | undefined>>,
  schema: EventSchema,
): TE.TaskEither<CliFailure, StoreSession> => {
  const given = options.store ?? env['DOSSIER_STORE'];
  const parsed = parseStoreLocation(given);
  if (E.isLeft(parsed)) return TE.left(badLocation(parsed.left));
  const location = parsed.right;
  const opened: TE.TaskEither<CliFailure, { store: EventStore; description: string; tips?: SessionTips }> =
    location.kind === 'sqlite'
      ? pipe(
          openSqlite(location.path, schema, options.timeout, invocationOf(env)),
          TE.map((store) => ({
            store,
            description: `SQLite file ${location.path}`,
            tips: store.recordedTips,
          })),
        )
      : pipe(
          openStore(location.connectionString, {
            schema,
            readOnly: true,
            ...(options.strict === true ? { foreignEvents: 'strict' as const } : {}),
          }),
          TE.mapLeft((error) =>
            error._tag === 'BadStoreLocation' ? badLocation(error) : fromStoreError(error, 'EventStoreDB'),
          ),
        );
  return pipe(
    opened,
    TE.map(({ store, description, tips }) => ({
      store: boundedReads(store, options.timeout),
      description,
      location,
      tips,
      run: <A>(task: TE.TaskEither<StoreError, A>) =>
        pipe(
          task,
          TE.mapLeft((error) => fromStoreError(error, description)),
        ),
    })),
  );
};

/** Opens the store, runs `use` on it and closes it, whatever `use` answered. */
export const withStore =
  <A>(
    options: StoreOptions,
    env: Readonly<Record<string, string | undefined>>,
    schema: EventSchema,
    use: (session: StoreSession) => TE.TaskEither<CliFailure, A>,
  ): TE.TaskEither<CliFailure, A> =>
  async () => {
    const opened = await openForReading(options, env, schema)();
    if (E.isLeft(opened)) return opened;
    try {
      return await use(opened.right)();
    } finally {
      // A client still dialling an unreachable server may take long to dispose: do not wait for it.
      await Promise.race([
        opened.right.store.close().catch(() => undefined),
        new Promise((done) => setTimeout(done, 1_000).unref()),
      ]);
    }
  };
