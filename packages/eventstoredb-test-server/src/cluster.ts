// A cluster emulated in process: several nodes, each a server on a port of its own behind its own fault relay, all
// serving one log (replication is instant: no lag, no lost acknowledged write), with a Gossip.Read that lists every
// member and which one leads. Followers serve what they are sent (an append as if forwarded to the leader) and refuse
// a call that requires the leader with NotLeader naming it; `elect(i)` moves the leadership and resets every
// connection to the old leader, as an election does; `kill(i)` and `revive(i)` stop and restart a node.
import { Store } from './storage.js';
import type { ClusterMember, ClusterNode } from './clusterNode.js';
import { startNode } from './server.js';
import type { TestServer, TestServerOptions } from './testServer.js';
import { writeSystemEvents } from './systemEvents.js';

export interface TestClusterOptions extends Omit<TestServerOptions, 'faults'> {
  /** How many nodes (default 3). */
  readonly nodes?: number;
}

export interface TestCluster {
  /** The nodes, each a TestServer with its own `faults` (a relay in front of each). */
  readonly nodes: readonly TestServer[];
  /** `esdb://127.0.0.1:P1,127.0.0.1:P2,…?tls=false`: the client discovers the leader through gossip. */
  readonly url: string;
  /** The same for @kurrent/kurrentdb-client. */
  readonly kurrentUrl: string;
  /** The one log every node serves. */
  readonly store: Store;
  /** The index of the node that leads. */
  readonly leader: () => number;
  /** Makes node `index` the leader; the old leader's connections are reset. Answers how many were. */
  readonly elect: (index: number) => number;
  /**
   * Node `index` dies: it refuses connections, its open ones are reset, gossip lists it dead, and if it led, the
   * next live node leads.
   */
  readonly kill: (index: number) => Promise<void>;
  /** Node `index` is back on its port, alive in gossip, a follower. */
  readonly revive: (index: number) => Promise<void>;
  /** Stops every node. */
  readonly stop: () => Promise<void>;
}

/** Starts an emulated cluster of `nodes` (3 unless told) on 127.0.0.1, node 0 leading. */
export const startTestCluster = async (options: TestClusterOptions): Promise<TestCluster> => {
  const count = options.nodes ?? 3;
  if (!Number.isInteger(count) || count < 1)
    throw new Error('startTestCluster: nodes must be a positive integer');
  const store = new Store(options.clock);
  if (options.systemEvents ?? true) writeSystemEvents(store);
  const ports: number[] = [];
  let leading = 0;
  const dead = new Set<number>();
  const host = '127.0.0.1';
  const members = (): readonly ClusterMember[] =>
    ports.map((port, index) => ({ host, port, leader: index === leading, alive: !dead.has(index) }));
  const node: ClusterNode = {
    store,
    members,
    leaderFor: (port) => {
      const leaderPort = ports[leading];
      return leaderPort === undefined || leaderPort === port ? undefined : { host, port: leaderPort };
    },
  };
  const nodes: TestServer[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const started = await startNode({ ...options, faults: true }, node);
      nodes.push(started);
      ports.push(started.port);
    }
  } catch (error) {
    await Promise.all(nodes.map((started) => started.stop()));
    throw error;
  }
  const hosts = ports.map((port) => `${host}:${port}`).join(',');
  const tls = options.tls !== undefined;
  return {
    nodes,
    url: `esdb://${hosts}?tls=${tls}`,
    kurrentUrl: `kurrentdb://${hosts}?tls=${tls}`,
    store,
    leader: () => leading,
    elect: (index) => {
      if (nodes[index] === undefined) throw new Error(`startTestCluster: there is no node ${index}`);
      if (dead.has(index)) throw new Error(`startTestCluster: node ${index} is down; revive it first`);
      const old = nodes[leading];
      leading = index;
      return old === undefined || old === nodes[index] ? 0 : old.faults.dropConnections();
    },
    kill: async (index) => {
      const killed = nodes[index];
      if (killed === undefined) throw new Error(`startTestCluster: there is no node ${index}`);
      dead.add(index);
      if (index === leading) {
        const next = nodes.findIndex((_, i) => !dead.has(i));
        if (next >= 0) leading = next;
      }
      await killed.faults.down();
    },
    revive: async (index) => {
      const revived = nodes[index];
      if (revived === undefined) throw new Error(`startTestCluster: there is no node ${index}`);
      await revived.faults.up();
      dead.delete(index);
    },
    stop: async () => {
      await Promise.all(nodes.map((started) => started.stop()));
    },
  };
};
