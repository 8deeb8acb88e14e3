import * as E from 'fp-ts/lib/Either.js';
import { foldingLoader, type EventStore, type RecordedEvent, type StoreError } from '@dossier/core';
import {
  dispatchFlow,
  dossierDeciders,
  execute,
  invitationProcessManager,
  type DossierDeciders,
} from '@dossier/app';
import {
  commandIdFor,
  invitationFlowReactsTo,
  type InvitationEvent,
  type PaymentProfileEvent,
} from '@dossier/domain';
import type { Planned } from './cases.js';
import { rememberingLoader } from './loader.js';
import { seeded } from './random.js';
import { createWorld } from './world.js';

/** How to generate a log. */
export interface GenerateOptions {
  /** Events to write at least: the run stops after the command that reaches it. */
  readonly events: number;
  readonly seed: number;
  /** Put before every id, so that runs appended to one store do not meet. */
  readonly prefix: string;
  /** The simulated clock's start, in milliseconds since the epoch. */
  readonly startsAt: number;
  /** Sets the clock the store stamps `recordedAt` with: the story's own time. */
  readonly setClock: (ms: number) => void;
  /** Runs a batch of commands in one store transaction, when the store can. */
  readonly inTransaction: <A>(work: () => Promise<A>) => Promise<A>;
  /** The store held no events as the run began: a stream the run has not written is not looked for. */
  readonly startsEmpty?: boolean;
  /** Commands per batch; 2,000 unless told. */
  readonly batch?: number;
  readonly onProgress?: (written: number) => void;
}

/** What a generation wrote. */
export interface Generated {
  readonly events: number;
  readonly commands: number;
  /** Commands the domain refused (it wrote nothing for them): the story's guesses the rules did not allow. */
  readonly refused: number;
  /** Commands the invitation flow dispatched, as its process manager would have. */
  readonly flowCommands: number;
}

/** A failure of the store, not a refusal of the domain: the generation stops on it. */
export type GenerateError = StoreError;

const storeFailures: ReadonlySet<string> = new Set([
  'StoreUnavailable',
  'AppendOutcomeUnknown',
  'ConcurrencyConflict',
  'InvalidEvent',
  'UndecodableEvent',
  'StreamDeleted',
  'CommandIdReused',
  'StreamOfAnotherAggregate',
]);

const flowTypes: ReadonlySet<string> = new Set(invitationFlowReactsTo);

const isStoreFailure = (error: { readonly _tag: string }): error is StoreError =>
  storeFailures.has(error._tag);

/**
 * Writes a realistic log through the domain's deciders and core's command handler: support cases through their whole
 * life, payment profiles with invitations answered, expired or cancelled, permission and e-mail changes; and the
 * invitation flow's commands for the events it reacts to, dispatched as its process manager does (same ids). Each
 * command is loaded, decided and appended with its expected revision; batches share one store transaction.
 */
export const generateLog = async (
  store: EventStore,
  options: GenerateOptions,
  deciders: DossierDeciders = dossierDeciders(),
): Promise<E.Either<GenerateError, Generated>> => {
  const random = seeded(options.seed);
  const world = createWorld(random, options.prefix);
  const batch = Math.max(1, options.batch ?? 2_000);
  const memory = rememberingLoader(options.startsEmpty === true);
  const remembered = {
    supportCase: memory.loaderFor(foldingLoader(store, deciders.supportCase), deciders.supportCase.initialState),
    paymentProfile: memory.loaderFor(
      foldingLoader(store, deciders.paymentProfile),
      deciders.paymentProfile.initialState,
    ),
    invitation: memory.loaderFor(foldingLoader(store, deciders.invitation), deciders.invitation.initialState),
  };
  const flow = dispatchFlow(store, deciders, remembered);
  const loaders = {
    supportCase: { load: remembered.supportCase },
    paymentProfile: { load: remembered.paymentProfile },
    invitation: { load: remembered.invitation },
  };
  let clock = options.startsAt;
  let events = 0;
  let commands = 0;
  let refused = 0;
  let flowCommands = 0;

  // The invitation flow keeps no rows: what it reacts with comes from the event alone.
  const statelessRows = { get: () => undefined, list: () => [] };
  // The flow's commands for what was just recorded, and theirs in turn.
  const react = async (recorded: ReadonlyArray<RecordedEvent>): Promise<StoreError | null> => {
    const queue = recorded.filter((event) => flowTypes.has(event.type));
    for (let event = queue.shift(); event !== undefined; event = queue.shift()) {
      const dispatches = invitationProcessManager.react(
        event as Parameters<typeof invitationProcessManager.react>[0] & {
          data: PaymentProfileEvent['data'] | InvitationEvent['data'];
        },
        statelessRows,
      );
      for (const [index, dispatch] of dispatches.entries()) {
        flowCommands += 1;
        const result = await flow(dispatch, {
          commandId: commandIdFor(event.metadata.eventId, index),
          correlationId: event.metadata.correlationId,
          causationId: event.metadata.eventId,
        })();
        if (E.isLeft(result)) {
          if (isStoreFailure(result.left)) return result.left;
          refused += 1;
          continue;
        }
        events += result.right.events.length;
        memory.remember(dispatch.stream, result.right.state, result.right.revision);
        queue.push(...result.right.events.filter((e) => flowTypes.has(e.type)));
      }
    }
    return null;
  };

  const run = async (planned: Planned): Promise<StoreError | null> => {
    commands += 1;
    const context = { commandId: `${options.prefix}command-${commands}` };
    // One call per aggregate, so that each command is checked against its own aggregate's types.
    const result: E.Either<
      { readonly _tag: string },
      {
        readonly events: ReadonlyArray<RecordedEvent>;
        readonly state: unknown;
        readonly revision: bigint | null;
      }
    > =
      planned.aggregate === 'supportCase'
        ? await execute(
            store,
            deciders,
            'supportCase',
            planned.stream,
            planned.command,
            context,
            loaders.supportCase,
          )()
        : planned.aggregate === 'paymentProfile'
          ? await execute(
              store,
              deciders,
              'paymentProfile',
              planned.stream,
              planned.command,
              context,
              loaders.paymentProfile,
            )()
          : await execute(
              store,
              deciders,
              'invitation',
              planned.stream,
              planned.command,
              context,
              loaders.invitation,
            )();
    if (E.isLeft(result)) {
      if (isStoreFailure(result.left)) return result.left;
      refused += 1;
      return null;
    }
    events += result.right.events.length;
    memory.remember(planned.stream, result.right.state, result.right.revision);
    return react(result.right.events);
  };

  while (events < options.events) {
    const failed = await options.inTransaction(async () => {
      for (let i = 0; i < batch && events < options.events; i++) {
        clock += 10_000 + random.int(20_000);
        options.setClock(clock);
        const failure = await run(world.next(clock));
        if (failure !== null) return failure;
      }
      return null;
    });
    if (failed !== null) return E.left(failed);
    options.onProgress?.(events);
  }
  return E.right({ events, commands, refused, flowCommands });
};
