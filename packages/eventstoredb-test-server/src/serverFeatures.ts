// ServerFeatures.GetSupportedMethods: the list the client consults (lazily, on the first
// append) to pick BatchAppend over Append. Names are lower-cased like the server's, and
// the features are the server's (`position`/`events` on Read, `deadline_duration` on
// BatchAppend). Only what this server implements is listed, so a client never chooses
// a method that would answer UNIMPLEMENTED.
import type { handleUnaryCall } from '@grpc/grpc-js';
import type { ServerContext } from './context.js';
import type { SharedEmpty, SupportedMethods } from './protocol.js';

export interface AdvertisedMethod {
  readonly service: string;
  readonly method: string;
  readonly features?: readonly string[];
}

export function advertisedMethods(
  advertiseBatchAppend: boolean,
  advertiseAppendSession = false,
  advertiseAppendRecords = false,
): readonly AdvertisedMethod[] {
  const v2 = 'kurrentdb.protocol.v2.streams.StreamsService';
  const streams = 'event_store.client.streams.Streams';
  return [
    { service: streams, method: 'Read', features: ['position', 'events'] },
    { service: streams, method: 'Append' },
    { service: streams, method: 'Delete' },
    { service: streams, method: 'Tombstone' },
    ...(advertiseBatchAppend
      ? [{ service: streams, method: 'BatchAppend', features: ['deadline_duration'] }]
      : []),
    ...(advertiseAppendSession ? [{ service: v2, method: 'AppendSession' }] : []),
    ...(advertiseAppendRecords ? [{ service: v2, method: 'AppendRecords' }] : []),
    { service: 'event_store.client.server_features.ServerFeatures', method: 'GetSupportedMethods' },
    { service: 'event_store.client.gossip.Gossip', method: 'Read' },
  ];
}

export function getSupportedMethodsHandler(
  context: ServerContext,
  methods: readonly AdvertisedMethod[],
  serverVersion: string,
): handleUnaryCall<SharedEmpty, SupportedMethods> {
  const { serverFeatures } = context.protocol;
  return (_call, callback) => {
    const supported = new serverFeatures.SupportedMethods().setEventStoreServerVersion(serverVersion);
    for (const { service, method, features = [] } of methods) {
      supported.addMethods(
        new serverFeatures.SupportedMethod()
          .setServiceName(service.toLowerCase())
          .setMethodName(method.toLowerCase())
          .setFeaturesList([...features]),
      );
    }
    callback(null, supported);
  };
}
