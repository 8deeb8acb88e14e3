import type { Instant } from '@dossier/domain';

/** One line of the audit trail: who did what, when, through which command, and what changed. */
export interface AuditEntry {
  readonly stream: string;
  /** The event's revision in its stream, as a decimal string. */
  readonly revision: string;
  /** The event's position in the global log, as a decimal string. */
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  /** Who asked, as the command handler recorded it (metadata). */
  readonly actor: string | null;
  /** Who acted, as the event itself says (`by`); null for events without one, such as SurveySent. */
  readonly by: string | null;
  /** When it was decided: the event's `at` (`sentAt` for an issued invitation). */
  readonly at: Instant;
  /** When the store accepted it. */
  readonly recordedAt: string;
  readonly commandId: string | null;
  /** The command's type, derived from the event and its batch; null when it cannot be told. */
  readonly commandType: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** What changed, in plain English. */
  readonly description: string;
  /** The event's hash in its stream's chain, for verification. */
  readonly hash: string;
}

/**
 * The audit trail's rows: one per entry, in its stream's group keyed by revision (so a group lists in revision
 * order), and one per stream under `streams`: where it starts in the log and what its last entry was, which is all
 * that `apply` reads.
 */
export const streamsGroup = 'streams';
export const trailGroup = (stream: string): string => `trail:${stream}`;
/** A revision as a fixed-width decimal, so that text order is revision order. */
export const trailKey = (revision: bigint): string => revision.toString().padStart(20, '0');

/** A stream's row: its first position and its last entry's revision and command. */
export interface StreamRow {
  readonly stream: string;
  /** The position of its first event, as a decimal string. */
  readonly firstPosition: string;
  /** The revision of its last entry, as a decimal string. */
  readonly revision: string;
  readonly commandId: string | null;
  readonly commandType: string | null;
}
