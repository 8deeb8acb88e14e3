import type { BadStoreLocation } from '@dossier/app';
import type { AuditError, StoreError } from '@dossier/core';
import { exitCodes, type ExitCode } from './exitCodes.js';

/** Why a command stopped: one line for stderr that says what is wrong and what to do, and the exit code. */
export interface CliFailure {
  readonly _tag: 'CliFailure';
  readonly code: ExitCode;
  readonly message: string;
}

/** Builds a {@link CliFailure}. */
export const cliFailure = (code: ExitCode, message: string): CliFailure => ({
  _tag: 'CliFailure',
  code,
  message,
});

/** A bad argument or option. */
export const usageError = (message: string): CliFailure => cliFailure(exitCodes.usage, message);

/** What was asked for is not in the store. */
export const notFound = (message: string): CliFailure => cliFailure(exitCodes.notFoundOrBroken, message);

/** A `--store` that names no store. */
export const badLocation = (error: BadStoreLocation): CliFailure =>
  usageError(`--store ${JSON.stringify(error.given)}: ${error.reason}`);

/** A store error as the person at the terminal needs it. */
export const fromStoreError = (error: StoreError, where: string): CliFailure => {
  switch (error._tag) {
    case 'StoreUnavailable':
      return cliFailure(
        exitCodes.storeUnavailable,
        `${where} is unavailable: ${error.cause}. Check --store (or DOSSIER_STORE) and try again.`,
      );
    case 'StreamNotFound':
      return notFound(
        `no stream named ${JSON.stringify(error.stream)} in ${where}; run dossier streams to list the streams it holds`,
      );
    case 'StreamDeleted':
      return notFound(`stream ${JSON.stringify(error.stream)} was deleted from ${where}`);
    case 'UndecodableEvent':
      return cliFailure(
        exitCodes.unreadableEvent,
        `event ${error.type} at ${error.stream} revision ${error.revision} (position ${error.position}) cannot be decoded: ${error.reason}; run dossier verify to check the history`,
      );
    case 'AppendOutcomeUnknown':
      return cliFailure(
        exitCodes.storeUnavailable,
        `${where}: an append to ${error.stream} got no answer (${error.cause}); it may or may not be written — run the command again with the same command id`,
      );
    case 'ConcurrencyConflict':
    case 'InvalidEvent':
      return cliFailure(exitCodes.internal, `unexpected ${error._tag} while reading ${where}`);
  }
};

/** What computing a checkpoint or proof over the store can fail with, as the person at the terminal needs it. */
export const fromAuditError = (error: AuditError, where: string): CliFailure => {
  switch (error._tag) {
    case 'UnreadableLeaf':
      return cliFailure(
        exitCodes.unreadableEvent,
        `the hash of ${error.stream} revision ${error.revision} (position ${error.position}) in ${where} cannot be read (${error.reason}), so the log's Merkle tree cannot be computed; run dossier verify to see where the history breaks`,
      );
    case 'EventNotCheckpointed':
      return notFound(`cannot prove ${error.stream} revision ${error.revision}: ${error.reason}`);
    case 'LogDisagrees':
      return cliFailure(exitCodes.notFoundOrBroken, error.reason);
    case 'StoreUnavailable':
    case 'AppendOutcomeUnknown':
    case 'StreamNotFound':
    case 'StreamDeleted':
    case 'UndecodableEvent':
    case 'ConcurrencyConflict':
    case 'InvalidEvent':
      return fromStoreError(error, where);
  }
};
