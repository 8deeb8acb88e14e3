import { sameHash, toHex, type Checkpoint, type LeafLog } from '@dossier/proof';
import type { PartingRange } from './consistency.js';

/**
 * The leaves of a checkpointed log, kept by the auditor beside the checkpoint (`dossier checkpoint --hashes`): one
 * per event, in log order. They count only when they are the checkpoint's own: as many as it signed, with its root.
 */
export type KeptLeaves = Pick<LeafLog, 'size' | 'leafAt' | 'frontier'>;

/** The kept leaves that are the checkpoint's (its size, its signed root), if any. */
export const keptFor = (checkpoint: Checkpoint, kept: ReadonlyArray<KeptLeaves>): KeptLeaves | undefined =>
  kept.find(
    (leaves) => leaves.size() === checkpoint.size && toHex(leaves.frontier.root()) === checkpoint.root,
  );

/**
 * The first log index where the log's leaves differ from the kept ones, or where the log ends before them: the
 * exact place the log parts from the checkpoint, found by comparing each of the first `size` leaves (O(size)).
 */
export const exactParting = (
  kept: KeptLeaves,
  log: Pick<LeafLog, 'size' | 'leafAt'>,
): PartingRange | undefined => {
  const common = Math.min(kept.size(), log.size());
  for (let i = 0; i < common; i++)
    if (!sameHash(kept.leafAt(i), log.leafAt(i))) return { from: i, until: i + 1 };
  return log.size() < kept.size() ? { from: log.size(), until: log.size() + 1 } : undefined;
};
