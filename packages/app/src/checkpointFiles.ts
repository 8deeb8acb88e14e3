import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Checkpoint } from '@dossier/proof';

/**
 * Where the periodic checkpoint writer puts each checkpoint when the operator chooses a folder: one file a
 * checkpoint, `checkpoint-<size>.json`, written whole (a temporary file renamed) so that a reader never sees
 * half of one. Mount the folder from a machine the store's server cannot rewrite.
 */
export const checkpointFiles =
  (folder: string) =>
  async (checkpoint: Checkpoint): Promise<void> => {
    await mkdir(folder, { recursive: true });
    const path = join(folder, `checkpoint-${String(checkpoint.size).padStart(12, '0')}.json`);
    await writeFile(`${path}.tmp`, `${JSON.stringify(checkpoint, null, 2)}\n`);
    await rename(`${path}.tmp`, path);
  };
