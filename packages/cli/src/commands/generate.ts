import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { InvalidArgumentError, type Command } from 'commander';
import { describeLocation, dossierSchema, openStore, parseStoreLocation } from '@dossier/app';
import type { EventStore } from '@dossier/core';
import { openSqliteStore } from '@dossier/store-sqlite';
import type { CliContext } from '../context.js';
import { exitCodes } from '../exitCodes.js';
import { badLocation, cliFailure, fromStoreError, type CliFailure } from '../failure.js';
import { generateLog } from '../generate/generate.js';
import { toJson } from '../json.js';
import type { Execute } from '../program.js';
import { progressBar } from '../progress.js';

interface GenerateCommandOptions {
  readonly events: number;
  readonly seed: number;
  readonly store: string;
  readonly append?: boolean;
  readonly json?: boolean;
}

// The story starts on a Monday morning; a second run appended to the same store starts where the log ends.
const storyStart = Date.parse('2026-01-05T09:00:00.000Z');

const wholeNumber =
  (what: string, min: number) =>
  (given: string): number => {
    const n = Number(given);
    if (!Number.isSafeInteger(n) || n < min)
      throw new InvalidArgumentError(`give ${what} as a whole number of at least ${min}.`);
    return n;
  };

/** A store to write into, with a batch that is one transaction where the store has them (SQLite). */
interface Writable {
  readonly store: EventStore;
  readonly inTransaction: <A>(work: () => Promise<A>) => Promise<A>;
  readonly description: string;
}

const openWritable = async (given: string, clock: () => string): Promise<E.Either<CliFailure, Writable>> => {
  const location = parseStoreLocation(given);
  if (E.isLeft(location)) return E.left(badLocation(location.left));
  const description = describeLocation(location.right);
  if (location.right.kind === 'sqlite') {
    const opened = await openSqliteStore({ path: location.right.path, schema: dossierSchema, clock })();
    return E.isLeft(opened)
      ? E.left(fromStoreError(opened.left, description))
      : E.right({ store: opened.right, inTransaction: opened.right.inTransaction, description });
  }
  const opened = await openStore(given, { clock })();
  if (E.isLeft(opened))
    return E.left(
      opened.left._tag === 'BadStoreLocation'
        ? badLocation(opened.left)
        : fromStoreError(opened.left, description),
    );
  return E.right({ store: opened.right.store, inTransaction: (work) => work(), description });
};

const generate =
  (ctx: CliContext, options: GenerateCommandOptions): TE.TaskEither<CliFailure, void> =>
  async () => {
    let now = storyStart;
    const opened = await openWritable(options.store, () => new Date(now).toISOString());
    if (E.isLeft(opened)) return opened;
    const { store, inTransaction, description } = opened.right;
    try {
      const last = await store.readAll({ direction: 'backwards', limit: 1 })();
      if (E.isLeft(last) && last.left._tag === 'StoreUnavailable')
        return E.left(fromStoreError(last.left, description));
      const tip = E.isRight(last) ? last.right[0] : undefined;
      if (tip !== undefined && options.append !== true)
        return E.left(
          cliFailure(
            exitCodes.usage,
            `${description} already holds events (up to position ${tip.position}); give --append to add to it, or another --store`,
          ),
        );
      // Appended runs get their own ids and start after the last recorded instant.
      const prefix = tip === undefined ? '' : `p${tip.position}-`;
      const startsAt =
        tip === undefined ? storyStart : Math.max(storyStart, Date.parse(tip.metadata.recordedAt));
      const bar = progressBar(ctx, 'generating');
      const t0 = process.hrtime.bigint();
      const result = await generateLog(store, {
        events: options.events,
        seed: options.seed,
        prefix,
        startsAt,
        setClock: (ms) => {
          now = ms;
        },
        inTransaction,
        startsEmpty: tip === undefined,
        onProgress: (written) => bar.update(Math.min(written, options.events), options.events, written),
      });
      bar.stop();
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (E.isLeft(result)) return E.left(fromStoreError(result.left, description));
      const { events, commands, refused, flowCommands } = result.right;
      const perSecond = seconds > 0 ? Math.round(events / seconds) : events;
      ctx.stdout.write(
        options.json === true
          ? `${toJson({ store: description, seed: options.seed, events, commands, flowCommands, refused, seconds, eventsPerSecond: perSecond })}\n`
          : `${ctx.colours.green('done')}: ${events} events from ${commands} commands (${flowCommands} more by the invitation flow, ${refused} refused by the domain) written in ${seconds.toFixed(1)} s (${perSecond} events/s) into ${description}\n`,
      );
      return E.right(undefined);
    } finally {
      await store.close();
    }
  };

/** `dossier generate`: a realistic log, written through the domain's deciders, deterministic for a seed. */
export const registerGenerate = (program: Command, ctx: CliContext, execute: Execute): void => {
  program
    .command('generate')
    .description(
      'write a realistic log through the domain (support cases, payment profiles, invitations and their flow), the same for the same seed',
    )
    .requiredOption(
      '--events <n>',
      'how many events to write (at least; the last command may add a few)',
      wholeNumber('--events', 1),
    )
    .option('--seed <s>', 'the seed the story is drawn from', wholeNumber('--seed', 0), 1)
    .requiredOption('--store <location>', 'where to write: sqlite:<path> or esdb://…')
    .option('--append', 'add to a store that already holds events (a store that does is refused otherwise)')
    .option('--json', 'print JSON for scripts')
    .action((options: GenerateCommandOptions) => execute(generate(ctx, options)));
};
