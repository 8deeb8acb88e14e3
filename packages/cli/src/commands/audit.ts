import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import { dossierSchema } from '@dossier/app';
import { replayProjection } from '@dossier/core';
import { auditTrail, type AuditEntry, type AuditedEvent } from '@dossier/projections';
import type { Recorded } from '@dossier/core';
import type { CliContext } from '../context.js';
import type { CliFailure } from '../failure.js';
import { toJson } from '../json.js';
import { readWholeStream } from '../log.js';
import { storeOptionsOf, withJsonOption, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { withStore } from '../storeAccess.js';
import { renderTable } from '../table.js';

const asText = (ctx: CliContext, stream: string, entries: ReadonlyArray<AuditEntry>): string => {
  const { colours } = ctx;
  const header = `${colours.bold(`Audit trail of ${stream}`)}: ${entries.length} change(s), oldest first. "decided at" is the command's instant, "recorded at" the store's.`;
  const table = renderTable(
    colours,
    ['rev', 'decided at', 'recorded at', 'actor', 'command', 'what changed'],
    entries.map((entry) => [
      entry.revision,
      entry.at,
      entry.recordedAt,
      entry.actor ?? entry.by ?? '(unknown)',
      entry.commandType ?? '(unknown)',
      entry.description,
    ]),
    { column: 5, width: 60 },
  );
  return `${header}\n${table}\n`;
};

const audit = (ctx: CliContext, stream: string, options: ReadOptions): TE.TaskEither<CliFailure, void> =>
  withStore(storeOptionsOf(options), ctx.env, dossierSchema, (session) =>
    pipe(
      readWholeStream(session, stream),
      TE.map((events) => {
        // The store decoded every event with the domain's codecs: each is one the audit trail records.
        const state = replayProjection(auditTrail, events as ReadonlyArray<Recorded<AuditedEvent>>);
        const entries = auditTrail.query(state).forAggregate(stream);
        ctx.stdout.write(
          options.json === true ? `${toJson({ stream, entries })}\n` : asText(ctx, stream, entries),
        );
      }),
    ),
  );

/** `dossier audit <stream>`: RM-4 for one aggregate — who did what, when, through which command. */
export const registerAudit = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('audit')
    .description('the audit trail (RM-4) of one aggregate: actor, instant, command and what changed')
    .argument('<stream>', 'the aggregate stream, e.g. paymentProfile-acme');
  withJsonOption(withStoreOptions(command)).action((stream: string, options: ReadOptions) =>
    execute(audit(ctx, stream, options)),
  );
};
