import type { KeyObject } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import {
  parseCheckpoint,
  parseEventProof,
  readPrivateKey,
  readPublicKey,
  type Checkpoint,
  type EventInclusionProof,
  type Parsed,
} from '@dossier/proof';
import type { CliContext } from './context.js';
import { usageError, type CliFailure } from './failure.js';
import { toJson } from './json.js';

const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));

/** A text file the user named, or a usage error saying why it cannot be read. */
export const readText = (path: string, what: string): E.Either<CliFailure, string> => {
  try {
    if (statSync(path).isDirectory()) return E.left(usageError(`${what} ${path} is a folder, not a file`));
    return E.right(readFileSync(path, 'utf8'));
  } catch (thrown) {
    return E.left(usageError(`cannot read ${what} ${path}: ${messageOf(thrown)}`));
  }
};

const fromParsed = <A>(result: Parsed<A>, what: string, path: string): E.Either<CliFailure, A> =>
  result.ok ? E.right(result.value) : E.left(usageError(`${what} ${path}: ${result.reason}`));

const readJson = (path: string, what: string): E.Either<CliFailure, unknown> =>
  E.chain((text: string) =>
    E.tryCatch(
      () => JSON.parse(text) as unknown,
      (thrown) => usageError(`${what} ${path} is not JSON: ${messageOf(thrown)}`),
    ),
  )(readText(path, what));

/** A checkpoint file, parsed and checked field by field (its signature is checked later, with the key). */
export const readCheckpointFile = (path: string): E.Either<CliFailure, Checkpoint> =>
  E.chain((json: unknown) => fromParsed(parseCheckpoint(json), 'checkpoint', path))(
    readJson(path, 'checkpoint'),
  );

/** An inclusion proof file, parsed and checked field by field. */
export const readProofFile = (path: string): E.Either<CliFailure, EventInclusionProof> =>
  E.chain((json: unknown) => fromParsed(parseEventProof(json), 'proof', path))(readJson(path, 'proof'));

/** An Ed25519 private key (PEM). */
export const readPrivateKeyFile = (path: string): E.Either<CliFailure, KeyObject> =>
  E.chain((pem: string) => fromParsed(readPrivateKey(pem), '--key', path))(readText(path, '--key'));

/** An Ed25519 public key (PEM). */
export const readPublicKeyFile = (path: string): E.Either<CliFailure, KeyObject> =>
  E.chain((pem: string) => fromParsed(readPublicKey(pem), '--public-key', path))(
    readText(path, '--public-key'),
  );

/** Writes a file the user named, or says why it cannot. */
export const writeOutput = (path: string, text: string, mode?: number): E.Either<CliFailure, void> => {
  try {
    writeFileSync(path, text, mode === undefined ? {} : { mode });
    return E.right(undefined);
  } catch (thrown) {
    return E.left(
      usageError(`cannot write ${path}: ${messageOf(thrown)}; give a file in an existing, writable folder`),
    );
  }
};

/** Prints evidence as JSON on stdout, or writes it to `--output` and says so (`note`) on stderr. */
export const emitEvidence = (
  ctx: CliContext,
  evidence: unknown,
  output: string | undefined,
  note: string,
): E.Either<CliFailure, void> => {
  const text = `${toJson(evidence)}\n`;
  if (output === undefined) {
    ctx.stdout.write(text);
    return E.right(undefined);
  }
  ctx.stderr.write(`${note} written to ${output}\n`);
  return writeOutput(output, text);
};
