import type { KeyObject } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { signCheckpoint, type Checkpoint } from '@dossier/proof';
import type { UndecodableEvent } from '../store/errors.js';
import type { EventStore } from '../store/port.js';
import type { RecordedEvent } from '../store/types.js';
import { scanLog } from '../store/verify.js';
import type { AuditError } from './errors.js';
import { frontierBuilder } from './logTree.js';

/** How {@link createCheckpoint} reads and stamps. */
export interface CheckpointOptions {
  /** Events per page of `readAll`; 1000 when omitted. */
  readonly pageSize?: number;
  /** The checkpoint's instant, ISO-8601 UTC; the system clock when omitted. */
  readonly now?: () => string;
  /** Sees every event as it is read, in log order: to keep the hashes beside the checkpoint. */
  readonly observe?: (item: RecordedEvent | UndecodableEvent) => void;
}

/**
 * Reads the whole log once, in O(log n) memory, and signs its Merkle tree head with an Ed25519 key: the
 * evidence an auditor keeps, against which `verifyCheckpoints` later proves the log only grew.
 */
export const createCheckpoint =
  (
    store: EventStore,
    privateKey: KeyObject,
    options: CheckpointOptions = {},
  ): TaskEither<AuditError, Checkpoint> =>
  async () => {
    const tree = frontierBuilder();
    const { observe } = options;
    const visit =
      observe === undefined
        ? tree.push
        : (item: RecordedEvent | UndecodableEvent) => {
            tree.push(item);
            observe(item);
          };
    const scanned = await scanLog(store, options.pageSize ?? 1000, visit)();
    if (E.isLeft(scanned)) return scanned;
    const frontier = tree.result();
    if (E.isLeft(frontier)) return frontier;
    const now = options.now ?? (() => new Date().toISOString());
    const head = {
      size: frontier.right.size(),
      root: frontier.right.root(),
      subtrees: frontier.right.subtrees(),
    };
    return E.right(signCheckpoint(head, privateKey, now()));
  };
