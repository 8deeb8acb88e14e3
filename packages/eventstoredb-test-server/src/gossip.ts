// Gossip.Read: the cluster view a client asks for when discovering (`esdb+discover://`
// or several hosts). A single-host connection string never calls it. This server is a
// one-node cluster: itself, alive, leader.
import { randomUUID } from 'node:crypto';
import type { handleUnaryCall } from '@grpc/grpc-js';
import type { ServerContext } from './context.js';
import { uuidMessage } from './convert.js';
import type { ClusterInfo, SharedEmpty } from './protocol.js';

export function gossipReadHandler(
  context: ServerContext,
  endpoint: () => { readonly host: string; readonly port: number },
): handleUnaryCall<SharedEmpty, ClusterInfo> {
  const { protocol } = context;
  const { gossip } = protocol;
  const instanceId = randomUUID();
  return (_call, callback) => {
    const { host, port } = endpoint();
    const member = new gossip.MemberInfo()
      .setInstanceId(uuidMessage(protocol, instanceId, true))
      .setTimeStamp((BigInt(Date.now()) * 10_000n).toString())
      .setState(gossip.MemberInfo.VNodeState.LEADER)
      .setIsAlive(true)
      .setHttpEndPoint(new gossip.EndPoint().setAddress(host).setPort(port));
    callback(null, new gossip.ClusterInfo().setMembersList([member]));
  };
}
