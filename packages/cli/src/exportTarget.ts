import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { usageError, type CliFailure } from './failure.js';

/** Where an export is written: a temporary file beside the output, put in its place only once complete. */
export interface ExportTarget {
  readonly write: (text: string) => void;
  /** Puts the complete file in place: never over an existing file unless `--force`. */
  readonly commit: () => E.Either<CliFailure, void>;
  /** Removes the temporary file; the output is left as it was. */
  readonly abandon: () => void;
}

const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));

// SQLite keeps a database's recent commits and its lock state in files beside it; writing any of them destroys data.
const storeFileSuffixes = ['', '-wal', '-shm', '-journal'] as const;

/** The path with its folder's symbolic links resolved, as far as the folder exists. */
const canonical = (path: string): string => {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
};

const sameFile = (a: string, b: string): boolean => {
  try {
    const [left, right] = [statSync(a), statSync(b)];
    return left.dev === right.dev && left.ino === right.ino;
  } catch {
    return false;
  }
};

const exists = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/** Why `output` must not be written while exporting the SQLite store at `storePath`, if it must not. */
const clashWithStore = (output: string, storePath: string): string | undefined => {
  const target = canonical(output);
  for (const suffix of storeFileSuffixes) {
    const storeFile = `${canonical(storePath)}${suffix}`;
    if (target === storeFile || sameFile(output, `${storePath}${suffix}`))
      return suffix === ''
        ? 'it is the event store being exported'
        : `it is the event store's ${suffix.slice(1)} file`;
  }
  return undefined;
};

/**
 * Checks `--output` before anything is read: it must not be the store or one of SQLite's files beside it (even
 * with `--force`), nor an existing file unless `--force`.
 */
export const checkOutput = (
  output: string,
  storePath: string | undefined,
  force: boolean,
): E.Either<CliFailure, void> => {
  const clash = storePath === undefined ? undefined : clashWithStore(output, storePath);
  if (clash !== undefined)
    return E.left(usageError(`refusing --output ${output}: ${clash}; give another file`));
  if (!force && exists(output))
    return E.left(
      usageError(`--output ${output} already exists; give a new file, or add --force to replace it`),
    );
  return E.right(undefined);
};

/** Opens a temporary file beside `output`, which {@link ExportTarget.commit} renames to it. */
export const openExportTarget = (output: string, force: boolean): E.Either<CliFailure, ExportTarget> => {
  const temporary = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString('hex')}.partial`);
  let fd: number;
  try {
    fd = openSync(temporary, 'wx');
  } catch (thrown) {
    return E.left(
      usageError(
        `cannot write --output ${output}: ${messageOf(thrown)}; give a file in an existing, writable folder`,
      ),
    );
  }
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  const remove = (): void => {
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone: nothing to tidy.
    }
  };
  // The first failure to write (a full disk, say) is kept and reported by `commit`, which then leaves the output alone.
  let failure: unknown;
  return E.right({
    write: (text) => {
      if (failure !== undefined) return;
      try {
        writeSync(fd, text);
      } catch (thrown) {
        failure = thrown;
      }
    },
    commit: () => {
      const failed = (thrown: unknown): E.Either<CliFailure, void> => {
        close();
        remove();
        return E.left(usageError(`cannot write --output ${output}: ${messageOf(thrown)}`));
      };
      if (failure !== undefined) return failed(failure);
      try {
        fsyncSync(fd);
        close();
        // link() fails if the output appeared meanwhile, so a file is never replaced without --force.
        if (force) renameSync(temporary, output);
        else {
          linkSync(temporary, output);
          remove();
        }
        return E.right(undefined);
      } catch (thrown) {
        return failed(thrown);
      }
    },
    abandon: () => {
      close();
      remove();
    },
  });
};
