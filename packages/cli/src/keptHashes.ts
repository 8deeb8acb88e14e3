import * as E from 'fp-ts/lib/Either.js';
import type { KeptLeaves, RecordedEvent, UndecodableEvent } from '@dossier/core';
import { createLeafLog, eventLeaf, toHex, type Checkpoint } from '@dossier/proof';
import { readText } from './evidenceFiles.js';
import type { ExportTarget } from './exportTarget.js';
import { usageError, type CliFailure } from './failure.js';

/**
 * A checkpoint's hashes file (`dossier checkpoint --hashes`): each event's hash, 64 hex digits, one a line, in log
 * order — the same hashes as the `hash` column of `dossier export`. Read into the tree's leaves, 32 bytes an event.
 */
export const readHashesFile = (path: string): E.Either<CliFailure, KeptLeaves> =>
  E.chain((text: string): E.Either<CliFailure, KeptLeaves> => {
    const leaves = createLeafLog();
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    for (const [i, line] of lines.entries()) {
      const leaf = eventLeaf(line);
      if (leaf === undefined)
        return E.left(usageError(`--hashes ${path}, line ${i + 1}: expected an event's hash, 64 hex digits`));
      leaves.push(leaf);
    }
    return E.right(leaves);
  })(readText(path, '--hashes'));

/** Refuses a hashes file that is not the hashes of any checkpoint given: it could not say where the log parts. */
export const checkHashesMatch = (
  files: ReadonlyArray<{ readonly file: string; readonly leaves: KeptLeaves }>,
  checkpoints: ReadonlyArray<Checkpoint>,
): E.Either<CliFailure, ReadonlyArray<KeptLeaves>> => {
  for (const { file, leaves } of files) {
    const root = toHex(leaves.frontier.root());
    if (!checkpoints.some((c) => c.size === leaves.size() && c.root === root))
      return E.left(
        usageError(
          `--hashes ${file} (${leaves.size()} hashes, root ${root}) are not the hashes of any --checkpoint given; give the file written with that checkpoint`,
        ),
      );
  }
  return E.right(files.map((f) => f.leaves));
};

/** Writes each event's hash, one a line, as the checkpoint reads the log: in pages, not one line at a time. */
export const hashesWriter = (target: ExportTarget) => {
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length > 0) target.write(lines.join(''));
    lines = [];
  };
  return {
    observe: (item: RecordedEvent | UndecodableEvent): void => {
      if ('_tag' in item) return;
      lines.push(`${item.metadata.hash}\n`);
      if (lines.length >= 4096) flush();
    },
    flush,
  };
};
