// What every handler needs: the protocol copy to build messages with, the storage, and limits.
import type { Protocol } from './protocol.js';
import type { Store } from './storage.js';

export interface ServerContext {
  readonly protocol: Protocol;
  readonly store: Store;
  /** Bytes of data + metadata + type one append may carry (the server's MaxAppendSize, 1 MiB by default). */
  readonly maxAppendSize: number;
  /** Every append and read served, in order: what a test counts to see how many round trips its code makes. */
  readonly requests: ServedRequest[];
  /** Check credentials and stream ACLs (a secure node); off, everything is allowed (an insecure one). */
  readonly authentication: boolean;
}

/** One append or read as the server served it (a BatchAppend stream carries many appends: each one counts). */
export type ServedRequest =
  | { readonly kind: 'append'; readonly stream: string; readonly events: number }
  /** One v2 AppendSession: one round trip, atomic over its streams. */
  | {
      readonly kind: 'appendSession';
      readonly streams: ReadonlyArray<{ readonly stream: string; readonly events: number }>;
    }
  | {
      readonly kind: 'read';
      readonly stream: string;
      readonly direction: 'forwards' | 'backwards';
      readonly from: 'start' | 'end' | bigint;
    }
  | { readonly kind: 'readAll'; readonly direction: 'forwards' | 'backwards' };
