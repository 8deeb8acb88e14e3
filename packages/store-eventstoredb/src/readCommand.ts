import * as E from 'fp-ts/lib/Either.js';
import type { RecordedEvent, StoreError, StreamName } from '@dossier/core';
import type { StoreContext } from './context.js';
import { readStream } from './readStream.js';

const pageSize = 1000;

/**
 * The events a command recorded on a stream, found by reading the stream page by page: EventStoreDB keeps no
 * index of metadata that a client can query.
 */
export const readCommand = async (
  ctx: StoreContext,
  stream: StreamName,
  commandId: string,
): Promise<E.Either<StoreError, ReadonlyArray<RecordedEvent>>> => {
  const found: RecordedEvent[] = [];
  for (let from = 0n; ;) {
    const page = await readStream(ctx, stream, { fromRevision: from, limit: pageSize });
    if (E.isLeft(page)) return page.left._tag === 'StreamNotFound' ? E.right(found) : page;
    for (const event of page.right) if (event.metadata.commandId === commandId) found.push(event);
    const last = page.right[page.right.length - 1];
    if (last === undefined || page.right.length < pageSize) return E.right(found);
    from = last.revision + 1n;
  }
};
