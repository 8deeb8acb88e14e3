import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import { anyJsonSchema, type RecordedEvent } from '@dossier/core';
import type { CliContext } from '../context.js';
import type { CliFailure } from '../failure.js';
import { toJson } from '../json.js';
import { forEachPage } from '../log.js';
import { storeOptionsOf, withJsonOption, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { withStore } from '../storeAccess.js';
import { renderTable } from '../table.js';

interface StreamLine {
  readonly stream: string;
  readonly events: number;
  readonly lastRevision: bigint;
  readonly lastRecordedAt: string;
}

const summarise = (lines: Map<string, StreamLine>, page: ReadonlyArray<RecordedEvent>): void => {
  for (const event of page) {
    const known = lines.get(event.stream);
    lines.set(event.stream, {
      stream: event.stream,
      events: (known?.events ?? 0) + 1,
      lastRevision: event.revision,
      lastRecordedAt: event.metadata.recordedAt,
    });
  }
};

const streams = (ctx: CliContext, options: ReadOptions): TE.TaskEither<CliFailure, void> =>
  withStore(storeOptionsOf(options), ctx.env, anyJsonSchema, (session) => {
    const lines = new Map<string, StreamLine>();
    return pipe(
      forEachPage(session, (page) => summarise(lines, page)),
      TE.map(() => {
        const all = [...lines.values()];
        ctx.stdout.write(
          options.json === true
            ? `${toJson({ streams: all })}\n`
            : `${renderTable(
                ctx.colours,
                ['stream', 'events', 'last revision', 'last recorded at'],
                all.map((line) => [
                  line.stream,
                  String(line.events),
                  line.lastRevision.toString(),
                  line.lastRecordedAt,
                ]),
              )}\n`,
        );
      }),
    );
  });

/** `dossier streams`: every stream in the log, in order of first appearance. */
export const registerStreams = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('streams')
    .description('list every stream in the log with its event count and last revision');
  withJsonOption(withStoreOptions(command)).action((options: ReadOptions) => execute(streams(ctx, options)));
};
