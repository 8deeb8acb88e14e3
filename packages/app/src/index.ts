/** Every domain event type with its codec, and the event schema Dossier's stores use. */
export { dossierEventTypes, dossierSchema } from './schema.js';
/** Parses `sqlite:<path>`, `esdb://…` and `esdb+discover://…` store locations, and names them for people. */
export { parseStoreLocation, describeLocation } from './location.js';
/** A parsed store location, and the error for one that cannot be parsed. */
export type { StoreLocation, BadStoreLocation } from './location.js';
/** Opens the store a location names, with Dossier's schema; never throws. */
export { openStore } from './openStore.js';
/** What {@link openStore} gives and takes. */
export type { OpenedStore, OpenStoreOptions } from './openStore.js';
/** The deciders by aggregate name, the aggregate names, and the aggregate a stream belongs to (for `replay`). */
export { dossierDeciders, aggregateNames, aggregateOfStream } from './aggregates.js';
/** The deciders' type, an aggregate's name, and its command, state, event and refusal types. */
export type {
  DossierDeciders,
  AggregateName,
  AggregateCommand,
  AggregateState,
  AggregateEvent,
  AggregateError,
} from './aggregates.js';
/** Sends a typed command to a stream of an aggregate through core's command handling. */
export { execute, isExecuteFailure, isRefusal } from './execute.js';
/** What {@link execute} takes and how it fails. */
export type { ExecuteContext, ExecuteError, StreamOfAnotherAggregate } from './execute.js';
/** Carries out one command of the invitation flow under the ids derived from its triggering event. */
export { dispatchFlow } from './dispatchFlow.js';
/** The ids a flow command is dispatched under, the commands, and what dispatching gives. */
export type { CausedBy, FlowDispatch, FlowDispatchError, FlowDispatched } from './dispatchFlow.js';
/** The expiry scheduler: the expiries due by RM-3 at a given instant, their ids, and issuing them (IN-2, IN-3). */
export { dueExpiries, expireDue, expiryCommandId, expiryScheduler } from './expiry.js';
/** One due expiry and what issuing it did. */
export type { DueExpiry, ExpiryOutcome } from './expiry.js';
/** Dossier's four read models (RM-1…RM-4), their names, and the one of a name. */
export { dossierProjections, dossierProjectionNames, projectionNamed } from './projections.js';
/** The invitation flow as a process manager on core's runner, its checkpoint name, and running it (IN-4). */
export { invitationProcessManager, invitationFlowName, runInvitationFlow } from './invitationProcess.js';
/** How to run the invitation flow. */
export type { InvitationFlowOptions } from './invitationProcess.js';
/** Assembles Dossier over a store: execute, the live read models, the invitation flow, rebuilds, status, expiries. */
export { createDossier } from './dossier.js';
/** What {@link createDossier} takes and gives, and how its parts fail. */
export type {
  Dossier,
  DossierExecute,
  DossierOptions,
  DossierNotStarted,
  DossierStartError,
  DossierStatus,
  ViewUnavailable,
} from './dossierTypes.js';
/** Folds one stream with its aggregate's decider, up to where the caller says: the auditor's replay. */
export { replay } from './replay.js';
/** A replayed stream, how far to replay, and the error for a stream of no aggregate. */
export type { ReplayedStream, ReplayOptions, UnknownAggregate } from './replay.js';
/** Where the read models' state lives for a store location, and opening that projection store. */
export { projectionsPathFor, openProjectionStore } from './projectionStoreFor.js';
/** The event catalogue (every event type, its fields and schema version) read from the codecs, and as Markdown. */
export {
  eventCatalogue,
  eventCatalogueMarkdown,
  type CatalogueEntry,
  type CatalogueField,
} from './catalogue/index.js';
/** The incident flow (SC-11) as a process manager with keyed rows, its checkpoint name, and running it. */
export { incidentProcessManager, incidentFlowName, runIncidentFlow } from './incidentProcess.js';
/** How to run the incident flow. */
export type { IncidentFlowOptions } from './incidentProcess.js';
/** Records an incident's end in the log (what `dossier.resolveIncident` does before the flow takes over). */
export { recordIncidentEnd } from './incidentResolution.js';
/** What reporting an incident's end did, and why it stopped. */
export type {
  IncidentResolution,
  IncidentResolutionError,
  IncidentFlowNotRunning,
} from './incidentResolution.js';
/** Where the periodic checkpoint writer (`DossierOptions.checkpoints`) puts each checkpoint: a file in a folder. */
export { checkpointFiles } from './checkpointFiles.js';
