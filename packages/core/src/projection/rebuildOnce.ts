import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoreUnavailable } from '../store/errors.js';
import type { EventStore } from '../store/port.js';
import type { RecordedEvent } from '../store/types.js';
import { typeFilter } from './consume.js';
import { applyFailed, subscriptionFailure } from './failure.js';
import { keyed, type KeyedProjection } from './projection.js';
import type { CopyKey, ProjectionStore } from './projectionStore.js';
import { rowOverlay, type RowOverlay } from './rows.js';
import type { AnyProjection, RebuildFailed, Rebuilt } from './runnerTypes.js';

/** How to rebuild read models in one pass over the log. */
export interface RebuildOnceOptions {
  readonly store: EventStore;
  readonly states: ProjectionStore;
  readonly projections: ReadonlyArray<AnyProjection>;
  /** Saves every copy's changed rows and checkpoint after this many events read; 10,000 unless told. */
  readonly saveEvery?: number;
  /** Events read from the log at a time; 2,000 unless told. */
  readonly pageSize?: number;
  /** After each event read: how many so far, and the position of the last one. */
  readonly onProgress?: (eventsRead: number, position: bigint) => void;
}

/** What a one-pass rebuild did: the copies it swapped in, and how many events of the log it read. */
export interface RebuiltOnce {
  readonly rebuilt: ReadonlyArray<Rebuilt>;
  /** Events read from the log, each once, whichever read models folded it. */
  readonly eventsRead: number;
}

/** Why a one-pass rebuild swapped nothing in: the store failed, or an event could not be folded. */
export type RebuildOnceError = StoreUnavailable | RebuildFailed;

interface Copy {
  readonly projection: KeyedProjection<never, unknown>;
  readonly types: ReadonlySet<string>;
  readonly key: CopyKey;
  readonly rows: RowOverlay;
}

const saveAll = async (
  states: ProjectionStore,
  copies: ReadonlyArray<Copy>,
  checkpoint: bigint | null,
): Promise<E.Either<StoreUnavailable, void>> => {
  for (const copy of copies) {
    const saved = await states.save({ key: copy.key, changes: copy.rows.takeChanges(), checkpoint })();
    copy.rows.settle(E.isRight(saved));
    if (E.isLeft(saved)) return saved;
  }
  return E.right(undefined);
};

/**
 * Rebuilds read models from zero by reading the log once: each event is handed to every read model that folds its
 * type, into a fresh copy (the next generation) of each while the current copies keep serving, and the copies'
 * changed rows are saved with their checkpoints every `saveEvery` events. Once the log's head as it stood is folded,
 * every fresh copy is promoted. Nothing is promoted if the store fails or an event cannot be folded.
 */
export const rebuildOnce =
  (options: RebuildOnceOptions): TaskEither<RebuildOnceError, RebuiltOnce> =>
  async () => {
    const { store, states } = options;
    const saveEvery = Math.max(1, Math.floor(options.saveEvery ?? 10_000));
    const pageSize = Math.max(1, Math.floor(options.pageSize ?? 2_000));
    const copies: Copy[] = [];
    for (const given of options.projections) {
      const projection = keyed(given) as KeyedProjection<never, unknown>;
      const current = await states.current(projection.name)();
      if (E.isLeft(current)) return current;
      const generation = current.right === null ? 0 : current.right.key.generation + 1;
      const key = { name: projection.name, version: projection.version, generation };
      const reset = await states.reset(key)();
      if (E.isLeft(reset)) return reset;
      const types = new Set<string>(projection.eventTypes);
      copies.push({ projection, types, key, rows: rowOverlay(states.rows(key)) });
    }

    const filter = typeFilter(copies.flatMap((c) => [...c.types]));
    let eventsRead = 0;
    let position: bigint | null = null;
    let unsaved = 0;
    const fold = (event: RecordedEvent, copy: Copy): RebuildFailed | null => {
      try {
        for (const change of copy.projection.apply(copy.rows, event as never)) copy.rows.change(change);
        return null;
      } catch (thrown) {
        return { _tag: 'RebuildFailed', failure: applyFailed(copy.key.name, event, thrown) };
      }
    };
    // The log is read a page at a time up to a short page (its head as it then stood), and each page is folded
    // without a pause between events: a rebuild needs no live delivery, only every event once and in order.
    for (let from = 0n; ; ) {
      const page = await store.readAll({ fromPosition: from, limit: pageSize, filter })();
      if (E.isLeft(page)) {
        if (page.left._tag === 'StoreUnavailable') return E.left(page.left);
        return E.left({ _tag: 'RebuildFailed', failure: subscriptionFailure('rebuild', page.left) });
      }
      for (const event of page.right) {
        eventsRead += 1;
        position = event.position;
        for (const copy of copies) {
          if (!copy.types.has(event.type)) continue;
          const failed = fold(event, copy);
          if (failed !== null) return E.left(failed);
        }
        options.onProgress?.(eventsRead, position);
        if (++unsaved >= saveEvery) {
          unsaved = 0;
          const saved = await saveAll(states, copies, position);
          if (E.isLeft(saved)) return saved;
        }
      }
      const last = page.right[page.right.length - 1];
      if (last === undefined || page.right.length < pageSize) break;
      from = last.position + 1n;
    }

    const saved = await saveAll(states, copies, position);
    if (E.isLeft(saved)) return saved;
    for (const copy of copies) {
      const promoted = await states.promote(copy.key)();
      if (E.isLeft(promoted)) return promoted;
    }
    return E.right({
      rebuilt: copies.map(({ key }) => ({ ...key, position })),
      eventsRead,
    });
  };
