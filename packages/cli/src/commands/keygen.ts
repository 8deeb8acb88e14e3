import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import { generateSigningKeys, keyIdOf, readPublicKey } from '@dossier/proof';
import type { CliContext } from '../context.js';
import { writeOutput } from '../evidenceFiles.js';
import { usageError, type CliFailure } from '../failure.js';
import type { Execute } from '../program.js';

const keygen = (ctx: CliContext, output: string): TE.TaskEither<CliFailure, void> => {
  const privatePath = join(output, 'private.pem');
  const publicPath = join(output, 'public.pem');
  for (const path of [privatePath, publicPath])
    if (existsSync(path))
      return TE.left(
        usageError(`${path} exists: keygen never overwrites a key; give another --output folder`),
      );
  try {
    mkdirSync(output, { recursive: true });
  } catch (thrown) {
    return TE.left(
      usageError(`cannot create ${output}: ${thrown instanceof Error ? thrown.message : String(thrown)}`),
    );
  }
  const pair = generateSigningKeys();
  // The private key is readable by its owner only, as ssh-keygen leaves one.
  const written = E.chain(() => writeOutput(publicPath, pair.publicKey))(
    writeOutput(privatePath, pair.privateKey, 0o600),
  );
  if (E.isLeft(written)) return TE.fromEither(written);
  const publicKey = readPublicKey(pair.publicKey);
  ctx.stdout.write(
    `wrote ${privatePath} (signs checkpoints: keep it secret) and ${publicPath} (give it to auditors)${publicKey.ok ? `; key id ${keyIdOf(publicKey.value)}` : ''}\n`,
  );
  return TE.right(undefined);
};

/** `dossier keygen --output <dir>`: an Ed25519 key pair for signing checkpoints. */
export const registerKeygen = (program: Command, ctx: CliContext, execute: Execute): void => {
  program
    .command('keygen')
    .description('make an Ed25519 key pair (private.pem, public.pem) for signing checkpoints')
    .requiredOption('--output <dir>', 'the folder to write private.pem and public.pem to')
    .action((options: { readonly output: string }) => execute(keygen(ctx, options.output)));
};
