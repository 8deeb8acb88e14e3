// What every handler needs: the protocol copy to build messages with, the storage, and limits.
import type { Protocol } from './protocol.js';
import type { Store } from './storage.js';

export interface ServerContext {
  readonly protocol: Protocol;
  readonly store: Store;
  /** Bytes of data + metadata + type one append may carry (the server's MaxAppendSize, 1 MiB by default). */
  readonly maxAppendSize: number;
}
