import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import {
  aggregateNames,
  aggregateOfStream,
  dossierDeciders,
  dossierSchema,
  replay as replayStream,
  type AggregateName,
} from '@dossier/app';
import type { RecordedEvent } from '@dossier/core';
import { toMillis, type Instant } from '@dossier/domain';
import type { CliContext } from '../context.js';
import { decidedAtOf, describeRecorded } from '../describe.js';
import { fromStoreError, usageError, type CliFailure } from '../failure.js';
import { instantOption } from '../instant.js';
import { toJson } from '../json.js';
import { storeOptionsOf, withJsonOption, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { withStore } from '../storeAccess.js';
import { renderTable } from '../table.js';

interface ReplayOptions extends ReadOptions {
  readonly asOf?: string;
}

/** What a replay found: the events up to the instant, the state they fold to, and how many came later. */
interface Replayed {
  readonly stream: string;
  readonly aggregate: AggregateName;
  readonly asOf: Instant | null;
  readonly events: ReadonlyArray<RecordedEvent>;
  readonly later: number;
  readonly state: unknown;
}

const eventView = (event: RecordedEvent) => ({
  revision: event.revision,
  position: event.position,
  recordedAt: event.metadata.recordedAt,
  at: decidedAtOf(event),
  actor: event.metadata.actor,
  type: event.type,
  description: describeRecorded(event),
  eventId: event.metadata.eventId,
  commandId: event.metadata.commandId,
  hash: event.metadata.hash,
  data: event.data,
});

const asJson = (replayed: Replayed): string =>
  toJson({
    stream: replayed.stream,
    aggregate: replayed.aggregate,
    asOf: replayed.asOf,
    clock: 'recordedAt',
    revision: replayed.events[replayed.events.length - 1]?.revision ?? null,
    events: replayed.events.map(eventView),
    laterEvents: replayed.later,
    state: replayed.state,
  });

const asText = (ctx: CliContext, replayed: Replayed): string => {
  const { colours } = ctx;
  const last = replayed.events[replayed.events.length - 1];
  const moment =
    replayed.asOf === null
      ? 'now (every event recorded)'
      : `as of ${replayed.asOf} (events recorded at or before it, by the store's recordedAt clock; "at" is when each was decided)`;
  const lines = [
    `${colours.bold(replayed.stream)} ${moment}`,
    last === undefined
      ? colours.yellow('No event was recorded by then: the aggregate did not exist yet.')
      : `${replayed.events.length} event(s), up to revision ${last.revision}` +
        (replayed.later > 0 ? colours.dim(`; ${replayed.later} later event(s) not applied`) : ''),
  ];
  if (replayed.events.length > 0)
    lines.push(
      renderTable(
        colours,
        ['rev', 'recorded at', 'at', 'actor', 'event', 'what changed'],
        replayed.events.map((event) => [
          event.revision.toString(),
          event.metadata.recordedAt,
          decidedAtOf(event) ?? '',
          event.metadata.actor ?? '',
          event.type,
          describeRecorded(event),
        ]),
        { column: 5, width: 60 },
      ),
    );
  lines.push(colours.bold('State:'), JSON.stringify(replayed.state, null, 2));
  return `${lines.join('\n')}\n`;
};

const notAnAggregate = (stream: string): CliFailure =>
  usageError(
    `${JSON.stringify(stream)} is not an aggregate stream: give <aggregate>-<id>, where the aggregate is ${aggregateNames.join(', ')} (e.g. paymentProfile-acme)`,
  );

const replay = (ctx: CliContext, stream: string, options: ReplayOptions): TE.TaskEither<CliFailure, void> => {
  if (aggregateOfStream(stream) === undefined) return TE.left(notAnAggregate(stream));
  const asOf = options.asOf === undefined ? E.right(null) : instantOption('--as-of', options.asOf);
  if (E.isLeft(asOf)) return TE.left(asOf.left);
  const until = asOf.right === null ? Number.POSITIVE_INFINITY : toMillis(asOf.right);
  return withStore(storeOptionsOf(options), ctx.env, dossierSchema, (session) =>
    pipe(
      replayStream(session.store, dossierDeciders(), stream, {
        keep: (event) => Date.parse(event.metadata.recordedAt) <= until,
      }),
      TE.mapLeft((error) =>
        error._tag === 'UnknownAggregate'
          ? notAnAggregate(stream)
          : fromStoreError(error, session.description),
      ),
      // The last event's revision says how many came after the instant.
      TE.chain((replayed) =>
        pipe(
          session.run(session.store.readStream(stream, { direction: 'backwards', limit: 1 })),
          TE.map((last): Replayed => {
            const lastRevision = last[0]?.revision ?? -1n;
            const included = replayed.events[replayed.events.length - 1]?.revision ?? -1n;
            return {
              stream,
              aggregate: replayed.aggregate,
              asOf: asOf.right,
              events: replayed.events,
              later: Number(lastRevision - included),
              state: replayed.state,
            };
          }),
        ),
      ),
      TE.map((replayed) => {
        ctx.stdout.write(options.json === true ? `${asJson(replayed)}\n` : asText(ctx, replayed));
      }),
    ),
  );
};

/** `dossier replay <stream> [--as-of <instant>]`: an aggregate's state at a moment, and the events behind it. */
export const registerReplay = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('replay')
    .description("an aggregate's state at a moment, and the events that led to it")
    .argument('<stream>', 'the aggregate stream, e.g. paymentProfile-acme or supportCase-42')
    .option(
      '--as-of <instant>',
      'replay only the events the store recorded at or before this ISO-8601 instant (the recordedAt clock)',
    );
  withJsonOption(withStoreOptions(command)).action((stream: string, options: ReplayOptions) =>
    execute(replay(ctx, stream, options)),
  );
};
