// What every handler needs: the protocol copy to build messages with, the storage, and limits.
import type { Protocol } from './protocol.js';
import type { ServedRequest } from './servedRequest.js';
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

export type { ServedRequest };
