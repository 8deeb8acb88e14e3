// The raw client a side-by-side run measures the store against, loaded by name: the two client packages must not
// load in one process (their generated protocol classes share one namespace), so each gets a process of its own.
import type { ClientPackage, TestServer } from '@dossier/eventstoredb-test-server';
import type { EsdbClientLike, EsdbResolvedEvent } from '../src/clientLike.js';

/** A raw JSON event as the client builds it. */
export type RawEvent = object;

/** What the bench asks of the raw client, the same for both packages. */
export interface RawClient {
  readonly name: ClientPackage;
  /** The client itself, for the store to wrap. */
  readonly client: EsdbClientLike;
  readonly jsonEvent: (
    type: string,
    data: Record<string, unknown>,
    metadata?: Record<string, unknown>,
  ) => RawEvent;
  readonly append: (
    stream: string,
    events: RawEvent[],
    revision: bigint | null,
  ) => Promise<{ readonly nextExpectedRevision: bigint }>;
  /**
   * A command's write as Dossier must make it, with the raw client alone: a small claim event on a stream of its
   * own, and the command's events. kurrentdb-client: one multi-stream append, atomic (as the store writes on
   * KurrentDB 25.1+); db-client, which has none: the claim, then the events (the store's order there).
   */
  readonly appendWithClaim: (
    claimStream: string,
    stream: string,
    events: RawEvent[],
    revision: bigint | null,
  ) => Promise<void>;
  /** Reads a stream from its start, as a command's load does. */
  readonly readStream: (stream: string) => Promise<number>;
  /** One page of `$all` from a position (`null`: the start). */
  readonly readAllPage: (
    from: { readonly commit: bigint; readonly prepare: bigint } | null,
    maxCount: number,
  ) => AsyncIterable<EsdbResolvedEvent>;
  /** A catch-up subscription to `$all` from the start, without system events. */
  readonly subscribeFromStart: () => AsyncIterable<EsdbResolvedEvent> & { unsubscribe(): Promise<void> };
  readonly dispose: () => Promise<void>;
}

export const rawClient = async (name: ClientPackage, server: TestServer): Promise<RawClient> => {
  if (name === '@kurrent/kurrentdb-client') {
    const k = await import('@kurrent/kurrentdb-client');
    const client = k.KurrentDBClient.connectionString(`${server.kurrentUrl}&discoveryInterval=10`);
    return {
      name,
      client,
      jsonEvent: (type, data, metadata) => k.jsonEvent({ type, data, ...(metadata ? { metadata } : {}) }),
      append: (stream, events, revision) =>
        client.appendToStream(stream, events as ReturnType<typeof k.jsonEvent>[], {
          streamState: revision ?? 'no_stream',
        }),
      appendWithClaim: async (claimStream, stream, events, revision) => {
        await client.multiStreamAppend([
          {
            streamName: claimStream,
            events: [k.jsonEvent({ type: '$claim', data: { revisions: [String(revision ?? -1n)] } })],
            expectedState: 'any',
          },
          {
            streamName: stream,
            events: events as Parameters<typeof client.multiStreamAppend>[0][number]['events'],
            expectedState: revision ?? 'no_stream',
          },
        ]);
      },
      readStream: async (stream) => {
        let n = 0;
        for await (const _ of client.readStream(stream, { fromRevision: k.START })) n++;
        return n;
      },
      readAllPage: (from, maxCount) => client.readAll({ fromPosition: from ?? k.START, maxCount }),
      subscribeFromStart: () =>
        client.subscribeToAll({ fromPosition: k.START, filter: k.excludeSystemEvents() }),
      dispose: () => client.dispose(),
    };
  }
  const d = await import('@eventstore/db-client');
  const client = d.EventStoreDBClient.connectionString(server.url);
  return {
    name,
    client,
    jsonEvent: (type, data, metadata) => d.jsonEvent({ type, data, ...(metadata ? { metadata } : {}) }),
    append: (stream, events, revision) =>
      client.appendToStream(stream, events as ReturnType<typeof d.jsonEvent>[], {
        expectedRevision: revision ?? 'no_stream',
      }),
    appendWithClaim: async (claimStream, stream, events, revision) => {
      await client.appendToStream(
        claimStream,
        d.jsonEvent({ type: '$claim', data: { revisions: [String(revision ?? -1n)] } }),
        { expectedRevision: 'any' },
      );
      await client.appendToStream(stream, events as ReturnType<typeof d.jsonEvent>[], {
        expectedRevision: revision ?? 'no_stream',
      });
    },
    readStream: async (stream) => {
      let n = 0;
      for await (const _ of client.readStream(stream, { fromRevision: d.START })) n++;
      return n;
    },
    readAllPage: (from, maxCount) => client.readAll({ fromPosition: from ?? d.START, maxCount }),
    subscribeFromStart: () =>
      client.subscribeToAll({ fromPosition: d.START, filter: d.excludeSystemEvents() }),
    dispose: () => client.dispose(),
  };
};
