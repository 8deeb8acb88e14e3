import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { RecordedMetadata } from '@dossier/core';
import type { EsdbClientLike, EsdbEventData } from './clientLike.js';
import { collect } from './collect.js';
import { esdbStream, type StoreContext } from './context.js';
import { fromEsdbMetadata, toEsdbProperties } from './metadata.js';
import { positionOf } from './positions.js';

/**
 * Whether a command's claims and events go in one transaction (a multi-stream append), and whether the answer's one
 * position is the position of the transaction's last event — then a one-event command, written last, knows its own.
 */
export type AtomicAppend =
  { readonly kind: 'unsupported' } | { readonly kind: 'supported'; readonly lastPosition: boolean };

const unsupported: AtomicAppend = { kind: 'unsupported' };

/** The clients' error types for a server that could not be reached in time, which a later probe may get past. */
const transient = new Set([
  'unavailable',
  'deadline-exceeded',
  'timeout',
  'cancelled',
  'not-leader',
  'unknown',
]);

/** Where the probe writes: a claim stream and an event stream of the adapter's own, capped at one event each. */
export const probeStreams = { claim: 'dossier.probe-claim', event: 'dossier.probe' } as const;

/** `$`-typed like EventStoreDB's own events, so that reads of the global log and subscriptions leave them out. */
export const probeType = '$dossier.probe';

/** Metadata with every kind of field the store writes: nulls left out, a number, text beyond ASCII. */
const probeMetadata = (eventId: string): RecordedMetadata => ({
  eventId,
  commandId: 'probe',
  commandHash: null,
  correlationId: eventId,
  causationId: null,
  actor: 'probe ✓',
  recordedAt: new Date(0).toISOString(),
  schemaVersion: 7,
  hash: '0'.repeat(64),
});

const sameMetadata = (read: unknown, written: RecordedMetadata): boolean =>
  typeof read === 'object' &&
  read !== null &&
  Object.keys(read).length === Object.keys(written).length &&
  Object.entries(written).every(([key, value]) => (read as Record<string, unknown>)[key] === value);

/** One claim and one event in one transaction, shaped as a one-event command; what a v1 read then shows of it. */
const probe = async (ctx: StoreContext, client: EsdbClientLike): Promise<AtomicAppend | null> => {
  const multiStreamAppend = client.multiStreamAppend?.bind(client);
  if (multiStreamAppend === undefined) return unsupported;
  const id = randomUUID();
  const metadata = probeMetadata(id);
  const event: EsdbEventData = {
    id,
    contentType: 'application/json',
    type: probeType,
    data: { probe: true },
    metadata: toEsdbProperties(metadata),
  };
  const claim: EsdbEventData = { ...event, id: randomUUID(), data: { revisions: [] }, metadata: {} };
  const target = esdbStream(ctx, probeStreams.event);
  let written;
  try {
    written = await multiStreamAppend([
      { streamName: esdbStream(ctx, probeStreams.claim), events: [claim], expectedState: 'any' },
      { streamName: target, events: [event], expectedState: 'any' },
    ]);
  } catch (thrown) {
    const { type } = (thrown ?? {}) as { readonly type?: unknown };
    // A server out of reach may answer the next time; any other refusal (an older server, access denied) stands.
    return typeof type === 'string' && transient.has(type) ? null : unsupported;
  }
  const revision = written.responses.find((response) => response.streamName === target)?.revision;
  if (revision === undefined) return unsupported;
  const read = await collect(
    ctx,
    (c) => c.readStream(target, { direction: 'forwards', fromRevision: revision, maxCount: 1 }),
    { operation: 'reading back the multi-stream append probe' },
  );
  if (E.isLeft(read)) return null;
  const resolved = read.right[0];
  const recorded = resolved?.event;
  if (resolved === undefined || recorded?.id !== id) return null;
  // Metadata that would not read back as written would break the chain: then the store never appends that way.
  if (!sameMetadata(fromEsdbMetadata(recorded.id, recorded.metadata), metadata)) return unsupported;
  if (revision === 0n) await capProbeStreams(ctx, client);
  return { kind: 'supported', lastPosition: positionOf(resolved) === written.position };
};

/** The probe streams' first write caps them at one event, so that probes never pile up. */
const capProbeStreams = async (ctx: StoreContext, client: EsdbClientLike): Promise<void> => {
  for (const stream of Object.values(probeStreams))
    await client
      .setStreamMetadata(esdbStream(ctx, stream), { maxCount: 1 }, { expectedRevision: 'any' })
      .catch(() => undefined);
};

/**
 * What the store's server offers, probed once per store when a command first needs it: a client without
 * `multiStreamAppend` or an older server is `unsupported`; a probe that could not finish (the server unreachable) is
 * tried again by the next command, which meanwhile appends the two-call way.
 */
export const atomicAppend = async (ctx: StoreContext): Promise<AtomicAppend> => {
  const known = ctx.atomicAppend.current;
  if (known !== undefined) return known;
  const probing = (ctx.atomicAppend.probing ??= ctx
    .client()
    .then((client) => probe(ctx, client))
    .catch(() => null));
  const found = await probing;
  ctx.atomicAppend.probing = undefined;
  if (found === null) return unsupported;
  ctx.atomicAppend.current = found;
  return found;
};
