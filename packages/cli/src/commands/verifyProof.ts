import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import { verifyEventProof } from '@dossier/proof';
import type { CliContext } from '../context.js';
import { readCheckpointFile, readProofFile, readPublicKeyFile } from '../evidenceFiles.js';
import { exitCodes } from '../exitCodes.js';
import { cliFailure, type CliFailure } from '../failure.js';
import type { Execute } from '../program.js';

interface VerifyProofOptions {
  readonly checkpoint: string;
  readonly publicKey: string;
}

const verifyProof = (
  ctx: CliContext,
  file: string,
  options: VerifyProofOptions,
): TE.TaskEither<CliFailure, void> =>
  pipe(
    TE.Do,
    TE.bind('proof', () => TE.fromEither(readProofFile(file))),
    TE.bind('checkpoint', () => TE.fromEither(readCheckpointFile(options.checkpoint))),
    TE.bind('key', () => TE.fromEither(readPublicKeyFile(options.publicKey))),
    TE.chain(({ proof, checkpoint, key }) => {
      const verdict = verifyEventProof(proof, checkpoint, key);
      const event = `${proof.event.stream} revision ${proof.event.revision} (${proof.event.type}, recorded ${proof.event.metadata.recordedAt})`;
      if (!verdict.ok)
        return TE.left(
          cliFailure(exitCodes.notFoundOrBroken, `the proof of ${event} fails: ${verdict.reason}`),
        );
      ctx.stdout.write(
        `${ctx.colours.green('OK')}: ${event} is event ${proof.index + 1} of the ${checkpoint.size} in the checkpoint of ${checkpoint.timestamp}, signed by key ${checkpoint.keyId}\n`,
      );
      return TE.right(undefined);
    }),
  );

/** `dossier verify-proof <proof> --checkpoint <file> --public-key <pem>`: checks an inclusion proof with no store. */
export const registerVerifyProof = (program: Command, ctx: CliContext, execute: Execute): void => {
  program
    .command('verify-proof')
    .description("check an event's inclusion proof against a signed checkpoint, offline: no store is read")
    .argument('<proof>', 'the proof file (dossier prove)')
    .requiredOption('--checkpoint <file>', 'the checkpoint the proof was made against')
    .requiredOption('--public-key <public.pem>', 'the public key of whoever signed the checkpoint')
    .action((file: string, options: VerifyProofOptions) => execute(verifyProof(ctx, file, options)));
};
