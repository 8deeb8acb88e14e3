import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import { anyJsonSchema, createCheckpoint } from '@dossier/core';
import type { CliContext } from '../context.js';
import { emitEvidence, readPrivateKeyFile } from '../evidenceFiles.js';
import { fromAuditError, type CliFailure } from '../failure.js';
import { storeOptionsOf, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { withStore } from '../storeAccess.js';

interface CheckpointOptions extends ReadOptions {
  readonly key: string;
  readonly output?: string;
}

const checkpoint = (ctx: CliContext, options: CheckpointOptions): TE.TaskEither<CliFailure, void> =>
  pipe(
    TE.fromEither(readPrivateKeyFile(options.key)),
    TE.chain((key) =>
      withStore(storeOptionsOf(options), ctx.env, anyJsonSchema, (session) =>
        pipe(
          createCheckpoint(session.store, key),
          TE.mapLeft((error) => fromAuditError(error, session.description)),
          TE.chain((signed) =>
            TE.fromEither(
              emitEvidence(
                ctx,
                signed,
                options.output,
                `checkpoint of ${signed.size} events (root ${signed.root})`,
              ),
            ),
          ),
        ),
      ),
    ),
  );

/** `dossier checkpoint --key <private.pem> [--output <file>]`: a signed tree head of the whole log. */
export const registerCheckpoint = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('checkpoint')
    .description("sign the log's Merkle tree head (size, root, instant) for an auditor to keep")
    .requiredOption('--key <private.pem>', 'the Ed25519 private key to sign with (dossier keygen)')
    .option('--output <file>', 'write the checkpoint to this file instead of stdout');
  withStoreOptions(command).action((options: CheckpointOptions) => execute(checkpoint(ctx, options)));
};
