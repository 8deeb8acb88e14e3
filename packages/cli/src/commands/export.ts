import { closeSync, openSync, writeSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { Option, type Command } from 'commander';
import { anyJsonSchema, type RecordedEvent } from '@dossier/core';
import type { CliContext } from '../context.js';
import { csvHeader, csvLine, exportFormats, jsonLine, type ExportFormat } from '../exportFormats.js';
import { usageError, type CliFailure } from '../failure.js';
import { forEachPage } from '../log.js';
import { storeOptionsOf, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { withStore } from '../storeAccess.js';

interface ExportOptions extends ReadOptions {
  readonly format: ExportFormat;
  readonly output?: string;
}

const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));

/** Where the export goes: stdout, or a file opened before the store is read. */
const openTarget = (
  ctx: CliContext,
  output: string | undefined,
): E.Either<CliFailure, { readonly write: (text: string) => void; readonly close: () => void }> => {
  if (output === undefined) return E.right({ write: ctx.stdout.write, close: () => undefined });
  try {
    const fd = openSync(output, 'w');
    return E.right({ write: (text) => void writeSync(fd, text), close: () => closeSync(fd) });
  } catch (thrown) {
    return E.left(
      usageError(
        `cannot write --output ${output}: ${messageOf(thrown)}; give a file in an existing, writable folder`,
      ),
    );
  }
};

const exportLog = (ctx: CliContext, options: ExportOptions): TE.TaskEither<CliFailure, void> =>
  // The log as stored: data exactly as written and hashed, whatever the domain's codecs say today.
  withStore(storeOptionsOf(options), ctx.env, anyJsonSchema, (session) => async () => {
    const target = openTarget(ctx, options.output);
    if (E.isLeft(target)) return target;
    const line = options.format === 'csv' ? csvLine : jsonLine;
    try {
      if (options.format === 'csv') target.right.write(csvHeader);
      const written = await forEachPage(session, (page: ReadonlyArray<RecordedEvent>) =>
        target.right.write(page.map(line).join('')),
      )();
      if (E.isRight(written) && options.output !== undefined)
        ctx.stderr.write(
          `exported ${written.right} events from ${session.description} to ${options.output} (${options.format})\n`,
        );
      return E.map(() => undefined)(written);
    } finally {
      target.right.close();
    }
  });

/** `dossier export --format jsonl|csv [--output file]`: the whole log with its metadata. */
export const registerExport = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('export')
    .description('write the whole log, in position order, with every event’s metadata and hash')
    .addOption(new Option('--format <format>', 'JSON lines or CSV').choices(exportFormats).default('jsonl'))
    .option('--output <file>', 'write to this file instead of stdout');
  withStoreOptions(command).action((options: ExportOptions) => execute(exportLog(ctx, options)));
};
