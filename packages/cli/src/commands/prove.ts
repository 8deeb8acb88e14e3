import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import { anyJsonSchema, proveEvent } from '@dossier/core';
import type { CliContext } from '../context.js';
import { emitEvidence, readCheckpointFile } from '../evidenceFiles.js';
import { fromAuditError, usageError, type CliFailure } from '../failure.js';
import { storeOptionsOf, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { withStore } from '../storeAccess.js';

interface ProveOptions extends ReadOptions {
  readonly checkpoint: string;
  readonly output?: string;
}

const revisionOf = (given: string): TE.TaskEither<CliFailure, bigint> =>
  /^\d+$/.test(given)
    ? TE.right(BigInt(given))
    : TE.left(usageError(`revision ${JSON.stringify(given)} is not a whole number (revisions count from 0)`));

const prove = (
  ctx: CliContext,
  stream: string,
  revision: string,
  options: ProveOptions,
): TE.TaskEither<CliFailure, void> =>
  pipe(
    TE.Do,
    TE.bind('revision', () => revisionOf(revision)),
    TE.bind('checkpoint', () => TE.fromEither(readCheckpointFile(options.checkpoint))),
    TE.chain(({ revision: wanted, checkpoint }) =>
      withStore(storeOptionsOf(options), ctx.env, anyJsonSchema, (session) =>
        pipe(
          proveEvent(session.store, stream, wanted, checkpoint),
          TE.mapLeft((error) => fromAuditError(error, session.description)),
          TE.chain((proof) =>
            TE.fromEither(
              emitEvidence(
                ctx,
                proof,
                options.output,
                `inclusion proof of ${stream} revision ${wanted} (event ${proof.index + 1} of ${proof.size})`,
              ),
            ),
          ),
        ),
      ),
    ),
  );

/** `dossier prove <stream> <revision> --checkpoint <file>`: one event's inclusion proof, checkable offline. */
export const registerProve = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('prove')
    .description("write one event's inclusion proof in a checkpoint's tree, for dossier verify-proof")
    .argument('<stream>', 'the stream, e.g. paymentProfile-acme')
    .argument('<revision>', 'the revision of the event in its stream, from 0')
    .requiredOption('--checkpoint <file>', 'the checkpoint (dossier checkpoint) whose tree to prove it in')
    .option('--output <file>', 'write the proof to this file instead of stdout');
  withStoreOptions(command).action((stream: string, revision: string, options: ProveOptions) =>
    execute(prove(ctx, stream, revision, options)),
  );
};
