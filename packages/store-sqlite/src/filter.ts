import type { EventFilter } from '@dossier/core';

/** A filter as a SQL condition on `events`, with its parameters in order. */
export interface FilterSql {
  readonly condition: string;
  readonly params: ReadonlyArray<string | number>;
}

/**
 * Prefix matches as `substr(column, 1, n) = prefix`, evaluated by SQLite so that rows the filter rejects are
 * never parsed. Not `LIKE`: it ignores ASCII case and would need `%` and `_` escaped. The length is counted in
 * code points, as SQLite's `substr` counts characters.
 */
export const filterSql = (filter: EventFilter | undefined): FilterSql => {
  if (filter === undefined) return { condition: '1', params: [] };
  if (filter.prefixes.length === 0) return { condition: '0', params: [] };
  const column = filter.kind === 'eventType' ? 'type' : 'stream';
  const condition = filter.prefixes.map(() => `substr(${column}, 1, ?) = ?`).join(' OR ');
  const params = filter.prefixes.flatMap((prefix) => [[...prefix].length, prefix]);
  return { condition: `(${condition})`, params };
};
