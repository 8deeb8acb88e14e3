import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { createReadModelBus, type ReadModelBus } from '../bus/readModelBus.js';
import type { StoreUnavailable } from '../store/errors.js';
import type { EventShape } from '../decider.js';
import type { EventStore } from '../store/port.js';
import { cappedBackoff, typeFilter } from './consume.js';
import { startCopyWorker, type CopyWorker, type ErasedProjection } from './copyWorker.js';
import type { ConsumerFailure } from './failure.js';
import { foldState, isFold, keyed, type Projection } from './projection.js';
import type { CopyKey } from './projectionStore.js';
import type {
  ProjectionNotRunning,
  ProjectionRunner,
  ProjectionRunnerOptions,
  ProjectionStatus,
  RebuildError,
  Rebuilt,
  StartError,
} from './runnerTypes.js';

interface Entry {
  readonly projection: ErasedProjection;
  serving: CopyWorker | null;
  rebuilding: CopyWorker | null;
  rebuildDone: Promise<E.Either<RebuildError, Rebuilt>> | null;
  rebuildFailure: ConsumerFailure | null;
}

const notRunning = (name: string): ProjectionNotRunning => ({ _tag: 'ProjectionNotRunning', name });

/** The last position in the log that passes a projection's filter, or null (none, or the store failed). */
const headOf = async (store: EventStore, projection: ErasedProjection): Promise<bigint | null> => {
  const last = await store.readAll({
    direction: 'backwards',
    limit: 1,
    filter: typeFilter(projection.eventTypes),
  })();
  return E.isRight(last) ? (last.right[0]?.position ?? null) : null;
};

/**
 * Starts projections over an event store: each resumes from its saved copy (or starts one), or, when its
 * `version` differs from the saved copy's, rebuilds a fresh copy from zero and swaps it in once caught up
 * (until then its queries answer from the rebuild as it grows, since the old copy's shape may not fit).
 * Each projection runs on its own subscription, so one that fails on an event stops alone.
 */
export const runProjections =
  (options: ProjectionRunnerOptions): TaskEither<StartError, ProjectionRunner> =>
  async () => {
    const { store, states } = options;
    const bus: ReadModelBus = options.bus ?? createReadModelBus();
    const saveEvery = Math.max(1, Math.floor(options.saveEvery ?? 1_000));
    const idleMs = Math.max(0, options.idleMs ?? 20);
    const retryDelayMs = cappedBackoff(options.retry?.initialMs ?? 100, options.retry?.maxMs ?? 5_000);
    const entries = new Map<string, Entry>();
    let stopped = false;

    for (const projection of options.projections) {
      if (entries.has(projection.name)) return E.left({ _tag: 'DuplicateProjection', name: projection.name });
      entries.set(projection.name, {
        projection: keyed(projection) as ErasedProjection,
        serving: null,
        rebuilding: null,
        rebuildDone: null,
        rebuildFailure: null,
      });
    }

    const startWorker = (entry: Entry, key: CopyKey, checkpoint: bigint | null): CopyWorker => {
      const worker: CopyWorker = startCopyWorker({
        store,
        states,
        projection: entry.projection,
        key,
        checkpoint,
        saveEvery,
        ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
        idleMs,
        retryDelayMs,
        onSaved: (position) => {
          // A rebuild's saves are not news: the view changes when it is swapped in.
          if (entry.serving === worker)
            bus.emit('readModelChanged', { projection: key.name, position, reason: 'saved' });
        },
      });
      return worker;
    };

    const swapIn = async (entry: Entry, worker: CopyWorker): Promise<E.Either<RebuildError, Rebuilt>> => {
      const fail = async (error: RebuildError): Promise<E.Either<RebuildError, Rebuilt>> => {
        // With no old copy to fall back on, the failed rebuild stays visible in status and queries.
        if (entry.serving !== null) {
          entry.rebuilding = null;
          await worker.stop({ save: false });
        }
        if (error._tag === 'RebuildFailed') entry.rebuildFailure = error.failure;
        return E.left(error);
      };
      await worker.reached(null);
      const failure = worker.failure();
      if (failure !== null) return fail({ _tag: 'RebuildFailed', failure });
      if (worker.phase() === 'stopped' || stopped) return E.left({ _tag: 'RunnerStopped' });
      const flushed = await worker.flush();
      if (E.isLeft(flushed)) return fail(flushed.left);
      const old = entry.serving;
      // The old copy must not be saved again once the promotion has dropped it.
      await old?.holdSaves();
      const promoted = await states.promote(worker.key)();
      if (E.isLeft(promoted)) {
        old?.releaseSaves();
        return fail(promoted.left);
      }
      entry.serving = worker;
      entry.rebuilding = null;
      entry.rebuildFailure = null;
      await old?.stop({ save: false });
      const position = worker.position();
      bus.emit('readModelChanged', { projection: worker.key.name, position, reason: 'rebuilt' });
      return E.right({
        name: worker.key.name,
        version: worker.key.version,
        generation: worker.key.generation,
        position,
      });
    };

    const startRebuild = (entry: Entry, key: CopyKey, checkpoint: bigint | null) => {
      const worker = startWorker(entry, key, checkpoint);
      entry.rebuilding = worker;
      entry.rebuildFailure = null;
      const done = swapIn(entry, worker).finally(() => {
        if (entry.rebuildDone === done) entry.rebuildDone = null;
      });
      entry.rebuildDone = done;
      return done;
    };

    const open = async (entry: Entry): Promise<E.Either<StoreUnavailable, void>> => {
      const { name, version } = entry.projection;
      const current = await states.current(name)();
      if (E.isLeft(current)) return current;
      const copy = current.right;
      if (copy === null) {
        const key = { name, version, generation: 0 };
        const created = await states.reset(key)();
        if (E.isLeft(created)) return created;
        const promoted = await states.promote(key)();
        if (E.isLeft(promoted)) return promoted;
        entry.serving = startWorker(entry, key, null);
      } else if (copy.key.version === version) {
        entry.serving = startWorker(entry, copy.key, copy.checkpoint);
      } else {
        // A version change: resume a rebuild that a restart interrupted, or start one from zero.
        const key = { name, version, generation: copy.key.generation + 1 };
        const partial = await states.load(key)();
        if (E.isLeft(partial)) return partial;
        if (partial.right === null) {
          const created = await states.reset(key)();
          if (E.isLeft(created)) return created;
        }
        void startRebuild(entry, key, partial.right?.checkpoint ?? null);
      }
      return E.right(undefined);
    };

    const stopAll = async (): Promise<void> => {
      stopped = true;
      await Promise.all(
        [...entries.values()].map(async (entry) => {
          await entry.rebuilding?.stop();
          await entry.serving?.stop();
          await entry.rebuildDone;
        }),
      );
    };

    for (const entry of entries.values()) {
      const opened = await open(entry);
      if (E.isLeft(opened)) {
        await stopAll();
        return opened;
      }
    }

    const serving = (name: string): CopyWorker | null => {
      const entry = entries.get(name);
      return entry?.serving ?? entry?.rebuilding ?? null;
    };

    const statusOf = async (entry: Entry): Promise<ProjectionStatus> => {
      const worker = entry.serving ?? entry.rebuilding;
      const head = await headOf(store, entry.projection);
      const position = worker?.position() ?? null;
      const building = entry.serving === null ? null : entry.rebuilding;
      return {
        name: entry.projection.name,
        version: worker?.key.version ?? entry.projection.version,
        generation: worker?.key.generation ?? 0,
        phase: worker?.phase() ?? 'stopped',
        position,
        checkpoint: worker?.saved() ?? null,
        head,
        lag:
          head === null
            ? worker?.caughtUp() === true
              ? 0n
              : null
            : position !== null && position >= head
              ? 0n
              : head - (position ?? -1n),
        caughtUp: worker?.caughtUp() ?? false,
        rebuilding:
          building === null
            ? null
            : {
                version: building.key.version,
                generation: building.key.generation,
                position: building.position(),
                phase: building.phase(),
              },
        lastError: worker?.lastError() ?? null,
        failure: worker?.failure() ?? entry.rebuildFailure,
      };
    };

    const runner: ProjectionRunner = {
      bus,
      query: (projection) => {
        const worker = serving(projection.name);
        return worker === null
          ? E.left(notRunning(projection.name))
          : E.right(keyed(projection).query(worker.rows));
      },
      state: <S, Ev extends EventShape, Q>(projection: Projection<S, Ev, Q>) => {
        const worker = serving(projection.name);
        return worker === null || !isFold(projection)
          ? E.left(notRunning(projection.name))
          : E.right(foldState(projection as Projection<S, EventShape, unknown>, worker.rows));
      },
      rows: (projection) => {
        const worker = serving(projection.name);
        return worker === null ? E.left(notRunning(projection.name)) : E.right(worker.rows);
      },
      status: () => Promise.all([...entries.values()].map(statusOf)),
      rebuild: (target) => {
        const name = typeof target === 'string' ? target : target.name;
        const entry = entries.get(name);
        if (entry === undefined) return Promise.resolve(E.left(notRunning(name)));
        if (stopped) return Promise.resolve(E.left({ _tag: 'RunnerStopped' }));
        if (entry.rebuildDone !== null) return entry.rebuildDone;
        const base = entry.serving?.key ?? entry.rebuilding?.key;
        const key = { name, version: entry.projection.version, generation: (base?.generation ?? 0) + 1 };
        if (entry.serving === null) void entry.rebuilding?.stop({ save: false });
        // A second call while the fresh copy is being reset joins this one.
        const done = states
          .reset(key)()
          .then((created) =>
            E.isLeft(created)
              ? E.left<RebuildError, Rebuilt>(created.left)
              : stopped
                ? E.left<RebuildError, Rebuilt>({ _tag: 'RunnerStopped' })
                : startRebuild(entry, key, null),
          )
          .finally(() => {
            if (entry.rebuildDone === done) entry.rebuildDone = null;
          });
        entry.rebuildDone = done;
        return done;
      },
      settled: async () => {
        await Promise.all(
          [...entries.values()].map(async (entry) => {
            if (entry.rebuildDone !== null) await entry.rebuildDone;
            const worker = entry.serving ?? entry.rebuilding;
            if (worker === null) return;
            await worker.reached(await headOf(store, entry.projection));
            await worker.flush();
          }),
        );
      },
      stop: stopAll,
    };
    return E.right(runner);
  };
