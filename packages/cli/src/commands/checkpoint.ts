import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import type { KeyObject } from 'node:crypto';
import { anyJsonSchema, createCheckpoint, type AuditError } from '@dossier/core';
import type { Checkpoint } from '@dossier/proof';
import type { CliContext } from '../context.js';
import { emitEvidence, readPrivateKeyFile } from '../evidenceFiles.js';
import { checkOutput, openExportTarget } from '../exportTarget.js';
import { hashesWriter } from '../keptHashes.js';
import { fromAuditError, type CliFailure } from '../failure.js';
import { storeOptionsOf, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { withStore, type StoreSession } from '../storeAccess.js';

interface CheckpointOptions extends ReadOptions {
  readonly key: string;
  readonly output?: string;
  readonly hashes?: string;
}

/** Signs the log, writing each event's hash to `--hashes` in the same read when asked: a new file, complete or none. */
const signed =
  (
    session: StoreSession,
    key: KeyObject,
    hashes: string | undefined,
  ): TE.TaskEither<AuditError | CliFailure, Checkpoint> =>
  async () => {
    if (hashes === undefined) return createCheckpoint(session.store, key)();
    const storePath = session.location.kind === 'sqlite' ? session.location.path : undefined;
    const target = E.chain(() => openExportTarget(hashes, false))(checkOutput(hashes, storePath, false));
    if (E.isLeft(target)) return target;
    const writer = hashesWriter(target.right);
    const result = await createCheckpoint(session.store, key, { observe: writer.observe })();
    writer.flush();
    if (E.isLeft(result)) {
      target.right.abandon();
      return result;
    }
    return E.map(() => result.right)(target.right.commit());
  };

const checkpoint = (ctx: CliContext, options: CheckpointOptions): TE.TaskEither<CliFailure, void> =>
  pipe(
    TE.fromEither(readPrivateKeyFile(options.key)),
    TE.chain((key) =>
      withStore(storeOptionsOf(options), ctx.env, anyJsonSchema, (session) =>
        pipe(
          signed(session, key, options.hashes),
          TE.mapLeft((error) =>
            error._tag === 'CliFailure' ? error : fromAuditError(error, session.description),
          ),
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
    .option('--output <file>', 'write the checkpoint to this file instead of stdout')
    .option(
      '--hashes <file>',
      "also write each event's hash, one a line, to this new file: kept with the checkpoint, it lets verify name the exact first event where the log parts from it",
    );
  withStoreOptions(command).action((options: CheckpointOptions) => execute(checkpoint(ctx, options)));
};
