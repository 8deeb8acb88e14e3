import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { Option, type Command } from 'commander';
import { anyJsonSchema, type RecordedEvent } from '@dossier/core';
import type { CliContext } from '../context.js';
import { csvHeader, csvLine, exportFormats, jsonLine, type ExportFormat } from '../exportFormats.js';
import { checkOutput, openExportTarget } from '../exportTarget.js';
import type { CliFailure } from '../failure.js';
import { forEachPage } from '../log.js';
import { storeOptionsOf, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { withStore, type StoreSession } from '../storeAccess.js';

interface ExportOptions extends ReadOptions {
  readonly format: ExportFormat;
  readonly output?: string;
  readonly force?: boolean;
}

const writeLog = (
  session: StoreSession,
  format: ExportFormat,
  write: (text: string) => void,
): TE.TaskEither<CliFailure, number> => {
  const line = format === 'csv' ? csvLine : jsonLine;
  if (format === 'csv') write(csvHeader);
  return forEachPage(session, (page: ReadonlyArray<RecordedEvent>) => write(page.map(line).join('')));
};

const exportLog = (ctx: CliContext, options: ExportOptions): TE.TaskEither<CliFailure, void> =>
  // The log as stored: data exactly as written and hashed, whatever the domain's codecs say today.
  withStore(storeOptionsOf(options), ctx.env, anyJsonSchema, (session) => async () => {
    const { output } = options;
    if (output === undefined)
      return E.map(() => undefined)(await writeLog(session, options.format, ctx.stdout.write)());
    const force = options.force === true;
    const storePath = session.location.kind === 'sqlite' ? session.location.path : undefined;
    const checked = checkOutput(output, storePath, force);
    if (E.isLeft(checked)) return checked;
    const target = openExportTarget(output, force);
    if (E.isLeft(target)) return target;
    const written = await writeLog(session, options.format, target.right.write)();
    if (E.isLeft(written)) {
      target.right.abandon();
      return written;
    }
    const committed = target.right.commit();
    if (E.isLeft(committed)) return committed;
    ctx.stderr.write(
      `exported ${written.right} events from ${session.description} to ${output} (${options.format})\n`,
    );
    return E.right(undefined);
  });

/** `dossier export --format jsonl|csv [--output file [--force]]`: the whole log with its metadata. */
export const registerExport = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('export')
    .description('write the whole log, in position order, with every event’s metadata and hash')
    .addOption(new Option('--format <format>', 'JSON lines or CSV').choices(exportFormats).default('jsonl'))
    .option('--output <file>', 'write to this new file instead of stdout (never the store or its -wal/-shm)')
    .option('--force', 'replace --output if it exists');
  withStoreOptions(command).action((options: ExportOptions) => execute(exportLog(ctx, options)));
};
