// What a node of an emulated cluster shares with the others: the storage (one log, replicated at once: no lag) and
// the cluster's view — who is a member, who leads.
import type { LeaderAddress } from './faults.js';
import type { Store } from './storage.js';

/** One member as gossip lists it. */
export interface ClusterMember {
  readonly host: string;
  readonly port: number;
  readonly leader: boolean;
  readonly alive: boolean;
}

export interface ClusterNode {
  readonly store: Store;
  readonly members: () => readonly ClusterMember[];
  /** The leader a node listening on `port` names when it is a follower; undefined when it leads. */
  readonly leaderFor: (port: number) => LeaderAddress | undefined;
}
