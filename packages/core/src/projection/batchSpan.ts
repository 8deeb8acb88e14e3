import type { Span } from '@opentelemetry/api';
import { traceAttributes as at } from '../tracing/attributes.js';
import { annotate, startSpan } from '../tracing/tracer.js';
import type { CopyKey } from './projectionStore.js';

/** What one batch of a projection copy folded and saves. */
export interface Batch {
  readonly key: CopyKey;
  /** Events folded since the last save (those of other types included: they move the checkpoint). */
  readonly events: number;
  readonly rows: number;
  /** The checkpoint before the batch and the one it saves. */
  readonly from: bigint | null;
  readonly to: bigint | null;
  /** When the batch's first event was folded (epoch ms), so the span covers the fold as well as the save. */
  readonly startedAt: number | undefined;
}

/**
 * A `dossier.projection.batch` span (a root: a batch belongs to no request), from the batch's first event to the
 * end of its save; the caller ends it with the save's outcome.
 */
export const startBatchSpan = (batch: Batch): Span => {
  const span = startSpan('dossier.projection.batch', undefined, batch.startedAt);
  annotate(span, () => ({
    [at.projection]: batch.key.name,
    [at.projectionVersion]: batch.key.version,
    [at.projectionGeneration]: batch.key.generation,
    [at.batchSize]: batch.events,
    [at.rowsChanged]: batch.rows,
    ...(batch.from === null ? {} : { [at.fromPosition]: Number(batch.from) }),
    ...(batch.to === null ? {} : { [at.position]: Number(batch.to) }),
  }));
  return span;
};
