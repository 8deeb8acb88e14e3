// Gossip.Read: the cluster view a client asks for when discovering (`esdb+discover://`
// or several hosts). A single-host connection string never calls it. A server on its own
// is a one-node cluster: itself, alive, leader; a node of an emulated cluster lists all.
import { randomUUID } from 'node:crypto';
import type { handleUnaryCall } from '@grpc/grpc-js';
import type { ServerContext } from './context.js';
import { uuidMessage } from './convert.js';
import type { ClusterMember } from './clusterNode.js';
import type { ClusterInfo, SharedEmpty } from './protocol.js';

export function gossipReadHandler(
  context: ServerContext,
  members: () => readonly ClusterMember[],
): handleUnaryCall<SharedEmpty, ClusterInfo> {
  const { protocol } = context;
  const { gossip } = protocol;
  // One instance id per member, kept across calls as a node's is.
  const instanceIds = new Map<number, string>();
  return (_call, callback) => {
    const listed = members().map(({ host, port, leader, alive }) => {
      let id = instanceIds.get(port);
      if (id === undefined) instanceIds.set(port, (id = randomUUID()));
      return new gossip.MemberInfo()
        .setInstanceId(uuidMessage(protocol, id, true))
        .setTimeStamp((BigInt(Date.now()) * 10_000n).toString())
        .setState(leader ? gossip.MemberInfo.VNodeState.LEADER : gossip.MemberInfo.VNodeState.FOLLOWER)
        .setIsAlive(alive)
        .setHttpEndPoint(new gossip.EndPoint().setAddress(host).setPort(port));
    });
    callback(null, new gossip.ClusterInfo().setMembersList(listed));
  };
}
