import type { RecordedEvent } from '@dossier/core';
import { describeEvent, type AuditedEvent } from '@dossier/projections';

/**
 * RM-4's one-line description of a recorded event. The store decoded it with the domain's codecs, so its
 * type and data are those of a domain event.
 */
export const describeRecorded = (event: RecordedEvent): string =>
  describeEvent({ type: event.type, data: event.data } as AuditedEvent);

/** The instant an event was decided (its `at`, or `sentAt` for an issued invitation), if it carries one. */
export const decidedAtOf = (event: RecordedEvent): string | null => {
  const data = event.data as { readonly at?: unknown; readonly sentAt?: unknown } | null;
  if (typeof data !== 'object' || data === null) return null;
  if (typeof data.at === 'string') return data.at;
  return typeof data.sentAt === 'string' ? data.sentAt : null;
};
