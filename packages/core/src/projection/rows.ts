/**
 * A read model's state as keyed rows: each row sits in a group (`cases`, `users:<profile>`, `trail:<stream>`) under
 * a key, and is plain JSON. `apply` reads the rows it needs and answers the changes one event makes, so the work
 * per event is what the event changes, never the size of the model; the runner saves only the rows changed since
 * the last checkpoint, with that checkpoint.
 */
export interface RowChange {
  readonly group: string;
  readonly key: string;
  /** The row's new value, or null to delete it. Never mutated afterwards: a fresh object each time. */
  readonly row: unknown;
}

/** Reads a read model's rows: one by group and key, or a group's rows in key order (code-unit order of ASCII keys). */
export interface Rows {
  readonly get: (group: string, key: string) => unknown;
  readonly list: (group: string) => ReadonlyArray<unknown>;
}

/** A row source that also gives keys, as a projection store answers for one copy. */
export interface RowSource {
  readonly get: (group: string, key: string) => unknown;
  /** The group's rows with their keys, in key order. */
  readonly entries: (group: string) => ReadonlyArray<readonly [string, unknown]>;
}

/** An insert or update of one row. */
export const put = (group: string, key: string, row: unknown): RowChange => ({ group, key, row });

/** The deletion of one row. */
export const remove = (group: string, key: string): RowChange => ({ group, key, row: null });

const byKey = (a: readonly [string, unknown], b: readonly [string, unknown]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/**
 * The rows a copy reads while folding: the changes not yet saved, and up to `cacheLimit` rows read before, in memory,
 * over the rows its projection store holds. Only what was changed since the last save is handed to the store; the
 * cache is dropped whole once full (after a save), so memory stays bounded whatever the size of the model.
 */
export interface RowOverlay extends Rows {
  /** Records one change: read back at once, saved at the next `takeChanges`. */
  readonly change: (change: RowChange) => void;
  /** The changes since the last call (one per row, its last value), which the caller saves; held until `settle`. */
  readonly takeChanges: () => ReadonlyArray<RowChange>;
  /** The changes taken were saved (`true`) or not: then they go back, under any change made since. */
  readonly settle: (saved: boolean) => void;
  /** How many rows are changed and not yet taken. */
  readonly pending: () => number;
}

const slot = (group: string, key: string): string => `${group}\u0000${key}`;

/** A {@link RowOverlay} over `source`; null values in the maps stand for deleted rows. */
export const rowOverlay = (source: RowSource, cacheLimit = 20_000): RowOverlay => {
  // Keys are `group NUL key`: one flat map is faster than a map per group on the hot path.
  let cache = new Map<string, unknown>();
  let dirty = new Map<string, RowChange>();
  let inFlight = new Map<string, RowChange>();
  const get = (group: string, key: string): unknown => {
    const id = slot(group, key);
    const pendingChange = dirty.get(id) ?? inFlight.get(id);
    if (pendingChange !== undefined) return pendingChange.row === null ? undefined : pendingChange.row;
    const held = cache.get(id);
    if (held !== undefined) return held === null ? undefined : held;
    const row = source.get(group, key);
    if (cache.size < cacheLimit) cache.set(id, row === undefined ? null : row);
    return row;
  };
  return {
    get,
    list: (group) => {
      const merged = new Map<string, unknown>(source.entries(group));
      for (const layer of [inFlight, dirty])
        for (const change of layer.values()) if (change.group === group) merged.set(change.key, change.row);
      return [...merged]
        .filter(([, row]) => row !== null && row !== undefined)
        .sort(byKey)
        .map(([, row]) => row);
    },
    change: (change) => {
      const id = slot(change.group, change.key);
      dirty.set(id, change);
      // Only rows that were read are cached: a row only ever written (an audit line) is not kept once saved.
      if (cache.has(id)) cache.set(id, change.row);
    },
    takeChanges: () => {
      for (const [id, change] of dirty) inFlight.set(id, change);
      dirty = new Map();
      return [...inFlight.values()];
    },
    settle: (saved) => {
      if (!saved) {
        for (const [id, change] of dirty) inFlight.set(id, change);
        dirty = inFlight;
      } else if (cache.size >= cacheLimit) cache = new Map(); // what was saved is read from the store again
      inFlight = new Map();
    },
    pending: () => dirty.size,
  };
};
