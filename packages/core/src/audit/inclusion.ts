import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import {
  INCLUSION_PROOF_FORMAT,
  toHex,
  type Checkpoint,
  type EventInclusionProof,
  type ProvenEvent,
} from '@dossier/proof';
import { hashedFields } from '../store/chainVerifier.js';
import { GENESIS_HASH } from '../store/hashChain.js';
import type { EventStore } from '../store/port.js';
import type { RecordedEvent, StreamName } from '../store/types.js';
import { scanLog } from '../store/verify.js';
import type { AuditError } from './errors.js';
import { leafLogBuilder } from './logTree.js';

const proven = (event: RecordedEvent): ProvenEvent => {
  const { stream, type, data, revision: _, ...metadata } = hashedFields(event);
  return {
    stream,
    revision: event.revision.toString(),
    position: event.position.toString(),
    type,
    data,
    metadata: { ...metadata, hash: event.metadata.hash },
  };
};

/**
 * The inclusion proof of one event in a checkpoint's tree: the event, the hash before it in its stream, and
 * the path to the root. Refuses when the log's first `size` events no longer give the checkpoint's root
 * (verify against it first), and when the event came after the checkpoint.
 */
export const proveEvent =
  (
    store: EventStore,
    stream: StreamName,
    revision: bigint,
    checkpoint: Checkpoint,
    options: { readonly pageSize?: number } = {},
  ): TaskEither<AuditError, EventInclusionProof> =>
  async () => {
    const tree = leafLogBuilder();
    let index = 0;
    let found:
      { readonly event: RecordedEvent; readonly index: number; readonly previousHash: string } | undefined;
    let previousHash = GENESIS_HASH;
    const scanned = await scanLog(store, options.pageSize ?? 1000, (item) => {
      tree.push(item);
      if (!('_tag' in item) && item.stream === stream && found === undefined) {
        if (item.revision === revision) found = { event: item, index, previousHash };
        else previousHash = item.metadata.hash;
      }
      index += 1;
    })();
    if (E.isLeft(scanned)) return scanned;
    const frontier = tree.result();
    if (E.isLeft(frontier)) return frontier;
    if (found === undefined)
      return E.left({
        _tag: 'EventNotCheckpointed',
        stream,
        revision,
        reason: 'the log holds no such event',
      });
    if (found.index >= checkpoint.size)
      return E.left({
        _tag: 'EventNotCheckpointed',
        stream,
        revision,
        reason: `it is event ${found.index + 1} of the log, recorded after the checkpoint's ${checkpoint.size}: make a newer checkpoint`,
      });
    if (
      tree.leaves.size() < checkpoint.size ||
      toHex(tree.leaves.rootAt(checkpoint.size)) !== checkpoint.root
    )
      return E.left({
        _tag: 'LogDisagrees',
        reason: `the log's first ${checkpoint.size} events do not give the checkpoint's root: run dossier verify --checkpoint`,
      });
    return E.right({
      format: INCLUSION_PROOF_FORMAT,
      event: proven(found.event),
      previousHash: found.previousHash,
      index: found.index,
      size: checkpoint.size,
      root: checkpoint.root,
      path: tree.leaves.inclusionProof(found.index, checkpoint.size).map(toHex),
    });
  };
