import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import { runDemo, type DemoFailure } from '@dossier/example-support-desk';
import type { CliContext } from '../context.js';
import { exitCodes } from '../exitCodes.js';
import { badLocation, cliFailure, fromStoreError, type CliFailure } from '../failure.js';
import { invocationOf } from '../invocation.js';
import type { Execute } from '../program.js';

interface DemoCommandOptions {
  readonly store?: string;
  readonly projections?: string;
}

const failureOf = (failure: DemoFailure): CliFailure => {
  switch (failure._tag) {
    case 'BadStoreLocation':
      return badLocation(failure);
    case 'DuplicateProjection':
      return cliFailure(exitCodes.internal, `the demo's read models share the name ${failure.name}`);
    case 'ConcurrencyConflict':
    case 'InvalidEvent':
    case 'StoreUnavailable':
    case 'AppendOutcomeUnknown':
    case 'StreamDeleted':
    case 'StreamNotFound':
    case 'UndecodableEvent':
      return fromStoreError(failure, 'the demo store');
  }
};

const demo =
  (ctx: CliContext, options: DemoCommandOptions): TE.TaskEither<CliFailure, void> =>
  async () => {
    const store = options.store ?? ctx.env['DOSSIER_STORE'];
    const ran = await runDemo({
      ...(store === undefined || store === '' ? {} : { store }),
      ...(options.projections === undefined ? {} : { projections: options.projections }),
      out: ctx.stdout,
      color: ctx.colours.isColorSupported,
      cli: invocationOf(ctx.env),
    });
    if (E.isLeft(ran)) return E.left(failureOf(ran.left));
    const surprises = ran.right.surprises.length + ran.right.flowRefusals;
    return surprises === 0
      ? E.right(undefined)
      : E.left(
          cliFailure(
            exitCodes.internal,
            `the demo did not go as scripted (${surprises} unexpected outcomes)`,
          ),
        );
  };

/** `dossier demo`: the support-desk story (@dossier/example-support-desk) recorded into a store, then its views. */
export const registerDemo = (program: Command, ctx: CliContext, execute: Execute): void => {
  program
    .command('demo')
    .description(
      'record the support-desk story into a store (a fresh run, or a resumed one that writes nothing) and print its queue and permission matrices',
    )
    .option(
      '--store <location>',
      'where to record it: sqlite:<path> or esdb://… (default: $DOSSIER_STORE, else sqlite:./.dossier/events.db)',
    )
    .option(
      '--projections <path>',
      "a SQLite file for the read models and the flows' checkpoints, so that a later run resumes from them (default: in memory)",
    )
    .action((options: DemoCommandOptions) => execute(demo(ctx, options)));
};
