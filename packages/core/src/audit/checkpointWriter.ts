import type { KeyObject } from 'node:crypto';
import { createFrontier, eventLeaf, signCheckpoint, type Checkpoint } from '@dossier/proof';
import type { EventStore } from '../store/port.js';

/** How often {@link runCheckpointWriter} signs, and where the checkpoints go. */
export interface CheckpointWriterOptions {
  /** Signs every checkpoint (Ed25519). */
  readonly privateKey: KeyObject;
  /** Hands each checkpoint to wherever the operator keeps them: a file, another machine, a mail. */
  readonly write: (checkpoint: Checkpoint) => Promise<void>;
  /** A checkpoint once this many events were appended since the last; with `everyMs`, whichever comes first. */
  readonly everyEvents?: number;
  /** A checkpoint once this long has passed since the last, if the log grew. */
  readonly everyMs?: number;
  /** The instant stamped on each checkpoint; the system clock when omitted. */
  readonly now?: () => string;
  /** Told when a checkpoint could not be read, signed or written; the writer goes on. */
  readonly onError?: (error: unknown) => void;
}

/** A running checkpoint writer. */
export interface CheckpointWriter {
  /** The last checkpoint written, if any. */
  readonly last: () => Checkpoint | undefined;
  /** Signs and writes a checkpoint of everything seen now, if the log grew since the last. */
  readonly flush: () => Promise<Checkpoint | undefined>;
  /** Stops following the log; writes nothing more. */
  readonly stop: () => Promise<void>;
}

/**
 * Follows the log from its start and keeps its Merkle frontier (O(log n) hashes), signing a checkpoint
 * every `everyEvents` events or `everyMs` milliseconds: the heads an auditor can later hold the log to.
 * Each checkpoint costs one signature, never a pass over the log.
 */
export const runCheckpointWriter = (
  store: EventStore,
  options: CheckpointWriterOptions,
): CheckpointWriter => {
  const frontier = createFrontier();
  const subscription = store.subscribe();
  const now = options.now ?? (() => new Date().toISOString());
  let last: Checkpoint | undefined;
  let writing: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const flush = (): Promise<Checkpoint | undefined> => {
    const size = frontier.size();
    if (stopped || size === (last?.size ?? 0)) return Promise.resolve(undefined);
    const checkpoint = signCheckpoint(
      { size, root: frontier.root(), subtrees: frontier.subtrees() },
      options.privateKey,
      now(),
    );
    last = checkpoint;
    // One write at a time, in order, so that the newest checkpoint is written last.
    const written = writing.then(() => options.write(checkpoint)).then(() => checkpoint);
    writing = written.catch((error: unknown) => options.onError?.(error));
    return written;
  };

  const timer =
    options.everyMs === undefined
      ? undefined
      : setInterval(() => void flush().catch((error: unknown) => options.onError?.(error)), options.everyMs);
  timer?.unref();

  const following = (async () => {
    try {
      for await (const message of subscription) {
        if (message.kind !== 'event') continue;
        const leaf = eventLeaf(message.event.metadata.hash);
        if (leaf === undefined)
          throw new Error(`event at position ${message.event.position} has no readable hash`);
        frontier.push(leaf);
        if (options.everyEvents !== undefined && frontier.size() - (last?.size ?? 0) >= options.everyEvents)
          await flush().catch((error: unknown) => options.onError?.(error));
      }
    } catch (error) {
      if (!stopped) options.onError?.(error);
    }
  })();

  return {
    last: () => last,
    flush,
    stop: async () => {
      if (timer !== undefined) clearInterval(timer);
      stopped = true;
      await subscription.stop();
      await following;
      await writing;
    },
  };
};
