import { toMillis, type Instant } from '@dossier/domain';
import type { Rows } from '@dossier/core';
import { streamsGroup, trailGroup, type AuditEntry, type StreamRow } from './state.js';

/** The questions the audit trail answers. */
export interface AuditTrailQueries {
  /** Every entry of one aggregate's stream, in revision order; empty for an unknown stream. */
  readonly forAggregate: (stream: string) => ReadonlyArray<AuditEntry>;
  /** The streams on record, in the order their first events were recorded. */
  readonly streams: () => ReadonlyArray<string>;
  /** The stream's entries decided between `from` and `to`, both included, in revision order. */
  readonly between: (stream: string, from: Instant, to: Instant) => ReadonlyArray<AuditEntry>;
}

/** The queries over the trail's rows: one stream's entries are one group, read in key (revision) order. */
export const queryAuditTrail = (rows: Rows): AuditTrailQueries => {
  const forAggregate = (stream: string): ReadonlyArray<AuditEntry> =>
    rows.list(trailGroup(stream)) as ReadonlyArray<AuditEntry>;
  return {
    forAggregate,
    streams: () =>
      [...(rows.list(streamsGroup) as ReadonlyArray<StreamRow>)]
        .map((row) => ({ stream: row.stream, first: BigInt(row.firstPosition) }))
        .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0))
        .map(({ stream }) => stream),
    between: (stream, from, to) =>
      forAggregate(stream).filter(
        (entry) => toMillis(entry.at) >= toMillis(from) && toMillis(entry.at) <= toMillis(to),
      ),
  };
};
