import * as E from 'fp-ts/lib/Either.js';
import {
  eventIdNamespace,
  uuidV5,
  type PreparedEvent,
  type RecordedEvent,
  type StoreError,
  type StreamName,
} from '@dossier/core';
import type { EsdbEventData } from './clientLike.js';
import { collect } from './collect.js';
import { toStoreError } from './errors.js';
import { esdbStream, type StoreContext } from './context.js';
import { readStream } from './readStream.js';
import { sendAppend } from './unknownOutcome.js';

// EventStoreDB keeps no index of metadata a client can query, so the adapter keeps its own: a claim naming the
// revisions a command's events take, in a stream of the command's own, written in the same transaction as the events
// where the server has multi-stream appends (KurrentDB 25.1+), else before them. A claim is a hint, checked against
// the events it names: a claim whose append never happened (a crash, a lost race) does not match, and then the stream
// is scanned, so a repeat is never missed. A command never claimed is new.

/** The stream of one command's claims on one stream. */
export const claimStream = (stream: StreamName, commandId: string): string =>
  `dossier.command-${stream}-${commandId}`;

/** `$`-typed like EventStoreDB's own events, so that reads of the global log and subscriptions leave it out. */
export const claimType = '$dossier.command';

/** The revisions of a batch each command id in it is about to take. */
export const claimsOf = (
  prepared: ReadonlyArray<PreparedEvent>,
): ReadonlyMap<string, ReadonlyArray<bigint>> => {
  const claims = new Map<string, bigint[]>();
  for (const event of prepared) {
    const commandId = event.metadata.commandId;
    if (commandId === null) continue;
    const revisions = claims.get(commandId);
    if (revisions === undefined) claims.set(commandId, [event.revision]);
    else revisions.push(event.revision);
  }
  return claims;
};

/**
 * A claim: the revisions, as decimal strings. No metadata, so a multi-stream append (string properties) takes it. Its
 * id follows from the claim stream and what it claims, so a claim sent again after a lost answer is kept once.
 */
export const claimEvent = (name: string, revisions: ReadonlyArray<bigint>): EsdbEventData => ({
  id: uuidV5(JSON.stringify([name, revisions.map(String)]), eventIdNamespace),
  contentType: 'application/json',
  type: claimType,
  data: { revisions: revisions.map(String) },
  metadata: {},
});

/** Claims the revisions of a batch for each command id in it; before the batch is appended. */
export const claimRevisions = async (
  ctx: StoreContext,
  stream: StreamName,
  claims: ReadonlyMap<string, ReadonlyArray<bigint>>,
): Promise<E.Either<StoreError, void>> => {
  for (const [commandId, revisions] of claims) {
    const name = claimStream(stream, commandId);
    const sent = await sendAppend(ctx, name, 'any', [claimEvent(name, revisions)]);
    const operation = `recording command ${commandId} on ${stream}`;
    if (sent.kind === 'unknown')
      return E.left({ _tag: 'StoreUnavailable', cause: `${operation}: ${sent.cause}` });
    if (sent.kind === 'failed') return E.left(toStoreError(sent.thrown, { operation, stream }));
  }
  return E.right(undefined);
};

const scan = async (
  ctx: StoreContext,
  stream: StreamName,
  commandId: string,
): Promise<E.Either<StoreError, ReadonlyArray<RecordedEvent>>> => {
  const pageSize = 1000;
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

const claimedRevisions = (data: unknown): ReadonlyArray<bigint> | null => {
  const revisions =
    typeof data === 'object' && data !== null ? (data as { revisions?: unknown }).revisions : null;
  if (!Array.isArray(revisions) || revisions.length === 0) return null;
  return revisions.every((r) => typeof r === 'string' && /^\d+$/.test(r))
    ? revisions.map((r) => BigInt(r as string))
    : null;
};

/**
 * The events a command recorded on a stream: none without a claim (one read), the claimed events when they
 * carry the command's id (two reads), and a scan of the stream when a claim does not match what it names.
 */
export const readCommand = async (
  ctx: StoreContext,
  stream: StreamName,
  commandId: string,
): Promise<E.Either<StoreError, ReadonlyArray<RecordedEvent>>> => {
  const claim = await collect(
    ctx,
    (client) =>
      client.readStream(esdbStream(ctx, claimStream(stream, commandId)), {
        direction: 'backwards',
        fromRevision: 'end',
        maxCount: 1,
      }),
    { operation: `looking up command ${commandId} on ${stream}`, stream },
  );
  if (E.isLeft(claim)) return claim.left._tag === 'StreamNotFound' ? E.right([]) : claim;
  const revisions = claimedRevisions(claim.right[0]?.event?.data);
  const first = revisions?.[0];
  if (revisions === null || first === undefined) return scan(ctx, stream, commandId);
  const read = await readStream(ctx, stream, {
    fromRevision: first,
    limit: Number(revisions[revisions.length - 1]! - first) + 1,
  });
  if (E.isLeft(read)) return read.left._tag === 'StreamNotFound' ? scan(ctx, stream, commandId) : read;
  const claimed = read.right.filter((e) => revisions.includes(e.revision));
  const matches =
    claimed.length === revisions.length && claimed.every((e) => e.metadata.commandId === commandId);
  return matches ? E.right(claimed) : scan(ctx, stream, commandId);
};
