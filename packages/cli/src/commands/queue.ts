import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { Option, type Command } from 'commander';
import { dossierSchema } from '@dossier/app';
import {
  activeStatuses,
  instantFromMillis,
  priorities,
  type CustomerId,
  type Instant,
  type Priority,
} from '@dossier/domain';
import { openTicketQueue, type QueueFilter, type QueueItem, type QueueStatus } from '@dossier/projections';
import type { CliContext } from '../context.js';
import type { CliFailure } from '../failure.js';
import { instantOption } from '../instant.js';
import { toJson } from '../json.js';
import { storeOptionsOf, withJsonOption, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { foldProjection } from '../readModels.js';
import { withStore } from '../storeAccess.js';
import { renderTable } from '../table.js';

interface QueueOptions extends ReadOptions {
  readonly customer?: string;
  readonly priority?: Priority;
  readonly status?: QueueStatus;
  readonly now?: string;
}

const asText = (ctx: CliContext, now: Instant, items: ReadonlyArray<QueueItem>): string => {
  const { colours } = ctx;
  const breaches = items.filter((item) => item.breached).length;
  const header = `${colours.bold('Open-ticket queue')} at ${now}: ${items.length} case(s), P1 first then oldest first${breaches > 0 ? `; ${colours.red(`${breaches} breached`)}` : ''}`;
  if (items.length === 0) return `${header}\n`;
  const table = renderTable(
    colours,
    [
      '#',
      'case',
      'priority',
      'status',
      'channel',
      'customer',
      'subject',
      'submitted',
      'first response due',
      'breach',
      'escalated to',
    ],
    items.map((item, index) => [
      String(index + 1),
      item.caseId,
      item.priority === 'P1' ? colours.red(item.priority) : item.priority,
      item.status,
      item.channel,
      item.customer,
      item.subject,
      item.submittedAt,
      item.firstResponseDue,
      item.breached ? colours.red('BREACHED') : item.firstRespondedAt === null ? 'pending' : 'met',
      item.escalatedTeam ?? '',
    ]),
    { column: 6, width: 30 },
  );
  return `${header}\n${table}\n`;
};

const queue = (ctx: CliContext, options: QueueOptions): TE.TaskEither<CliFailure, void> => {
  const now =
    options.now === undefined ? E.right(instantFromMillis(Date.now())) : instantOption('--now', options.now);
  if (E.isLeft(now)) return TE.left(now.left);
  const filter: QueueFilter = {
    now: now.right,
    ...(options.customer === undefined ? {} : { customer: options.customer as CustomerId }),
    ...(options.priority === undefined ? {} : { priority: options.priority }),
    ...(options.status === undefined ? {} : { status: options.status }),
  };
  return withStore(storeOptionsOf(options), ctx.env, dossierSchema, (session) =>
    pipe(
      foldProjection(session, openTicketQueue),
      TE.map((view) => {
        const items = view.list(filter);
        ctx.stdout.write(
          options.json === true ? `${toJson({ now: now.right, items })}\n` : asText(ctx, now.right, items),
        );
      }),
    ),
  );
};

/** `dossier queue`: RM-1, the open cases in SC-6 order with their first-response due times and breaches. */
export const registerQueue = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('queue')
    .description('the open-ticket queue (RM-1): open cases by priority then age, with due times and breaches')
    .option('--customer <id>', 'only this customer’s cases')
    .addOption(new Option('--priority <priority>', 'only cases of this priority').choices(priorities))
    .addOption(new Option('--status <status>', 'only cases in this status').choices(activeStatuses))
    .option('--now <instant>', 'judge breaches at this ISO-8601 instant instead of the current time');
  withJsonOption(withStoreOptions(command)).action((options: QueueOptions) => execute(queue(ctx, options)));
};
