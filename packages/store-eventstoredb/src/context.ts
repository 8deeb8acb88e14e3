import type { EventSchema } from '@dossier/core';
import type { AtomicAppend } from './atomicAppend.js';
import type { EsdbClientLike } from './clientLike.js';
import type { ForeignEvents } from './foreign.js';

/** A stream's name in EventStoreDB. */
export const esdbStream = (ctx: Pick<StoreContext, 'streamPrefix'>, stream: string): string =>
  `${ctx.streamPrefix}${stream}`;

/** What every operation of the adapter needs. */
export interface StoreContext {
  /** The client, made on first use when the store was given a connection string. */
  readonly client: () => Promise<EsdbClientLike>;
  readonly schema: EventSchema;
  /** Put before every stream name in EventStoreDB, and taken off again: see `streamPrefix`. */
  readonly streamPrefix: string;
  readonly clock: () => Date;
  /** What reads of the global log do with another application's events, and how many they skipped. */
  readonly foreign: ForeignEvents;
  /** Whether the server takes a command's claims and events in one transaction: probed once, when first needed. */
  readonly atomicAppend: {
    current?: AtomicAppend | undefined;
    probing?: Promise<AtomicAppend | null> | undefined;
  };
}
