import { toMillis, type Instant } from '@dossier/domain';
import type { AuditEntry, AuditTrailState } from './state.js';

/** The questions the audit trail answers. */
export interface AuditTrailQueries {
  /** Every entry of one aggregate's stream, in revision order; empty for an unknown stream. */
  readonly forAggregate: (stream: string) => ReadonlyArray<AuditEntry>;
  /** The streams on record, in the order their first events were recorded. */
  readonly streams: () => ReadonlyArray<string>;
  /** The stream's entries decided between `from` and `to`, both included, in revision order. */
  readonly between: (stream: string, from: Instant, to: Instant) => ReadonlyArray<AuditEntry>;
}

const firstPosition = (entries: ReadonlyArray<AuditEntry> | undefined): bigint =>
  BigInt(entries?.[0]?.position ?? 0);

/** The queries over an audit-trail state. */
export const queryAuditTrail = (state: AuditTrailState): AuditTrailQueries => {
  const forAggregate = (stream: string): ReadonlyArray<AuditEntry> => state.streams[stream] ?? [];
  return {
    forAggregate,
    streams: () =>
      Object.keys(state.streams).sort((a, b) => {
        const d = firstPosition(state.streams[a]) - firstPosition(state.streams[b]);
        return d < 0n ? -1 : d > 0n ? 1 : 0;
      }),
    between: (stream, from, to) =>
      forAggregate(stream).filter(
        (entry) => toMillis(entry.at) >= toMillis(from) && toMillis(entry.at) <= toMillis(to),
      ),
  };
};
