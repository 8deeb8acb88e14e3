/**
 * The attribute names Dossier's spans carry. Where OpenTelemetry's semantic conventions have a name for the thing
 * (`error.type`, `messaging.batch.message_count`) it is used; the rest are Dossier's own, under `dossier.`.
 */
export const traceAttributes = {
  /** The stream a command was handled on, or the stream of the event a flow reacted to. */
  stream: 'dossier.stream',
  /** The stream's revision: the one loaded (load), expected (append) or reached (handle, append). */
  revision: 'dossier.revision',
  /** The revision an append expected the stream at; -1 for a stream that must not exist yet. */
  expectedRevision: 'dossier.revision.expected',
  commandId: 'dossier.command.id',
  commandType: 'dossier.command.type',
  /** How the operation ended: see {@link Outcome}. */
  outcome: 'dossier.outcome',
  /** 0 for the first try of a command, 1 for the first retry after a conflict, … */
  attempt: 'dossier.attempt',
  /** How many retries a command took after conflicts. */
  retries: 'dossier.retries',
  /** Events decided, appended or folded. */
  eventCount: 'dossier.event.count',
  /** Events the load folded to rebuild the state (after a snapshot, when one was used). */
  folded: 'dossier.load.folded',
  projection: 'dossier.projection.name',
  projectionVersion: 'dossier.projection.version',
  projectionGeneration: 'dossier.projection.generation',
  /** The global position a batch or flow step checkpointed. */
  position: 'dossier.position',
  /** Where a batch started: the checkpoint before it. */
  fromPosition: 'dossier.position.from',
  /** Rows a batch changed. */
  rowsChanged: 'dossier.rows.changed',
  flow: 'dossier.flow.name',
  eventId: 'dossier.event.id',
  /** Commands a flow step dispatched. */
  commands: 'dossier.commands',
  eventType: 'dossier.event.type',
  /** Semantic conventions: the class of error an operation ended with; here the error's `_tag`. */
  errorType: 'error.type',
  /** Semantic conventions (messaging): how many messages a batch held; here the events a batch folded. */
  batchSize: 'messaging.batch.message_count',
} as const;

/**
 * How an operation ended: `appended`; `repeated` (the command id was handled before, nothing appended);
 * `unchanged` (decided no events); `refused` (the domain said no); `conflict` (the stream moved on);
 * `failed` (the store or the input). A flow step is `dispatched` once each of its commands was carried out or refused.
 */
export type Outcome =
  'appended' | 'repeated' | 'unchanged' | 'refused' | 'conflict' | 'failed' | 'saved' | 'dispatched';
