// Loads the gRPC message classes and service definitions the test server speaks,
// from the generated code shipped inside a client package.
//
// Why from a client package and not our own copy: `@eventstore/db-client` and
// `@kurrent/kurrentdb-client` each ship a generated copy of the same .proto files,
// and google-protobuf registers generated classes in one process-wide namespace
// (`proto.event_store.client.…`). Loading both copies in one process makes each
// overwrite the other's classes, so the server must use exactly the copy the test's
// client uses. The caller picks it: `loadProtocol('@eventstore/db-client')`.
//
// The wire protocol is the same for both (same package names, same paths, e.g.
// `/event_store.client.streams.Streams/Read`); the kurrent copy only adds fields
// (e.g. a Duration `deadline` on BatchAppend options). The types below therefore
// come from the db-client copy and describe the subset both copies share.
import { createRequire } from 'node:module';
import type * as GossipGrpc from '@eventstore/db-client/generated/gossip_grpc_pb.js';
import type * as GossipPb from '@eventstore/db-client/generated/gossip_pb.js';
import type * as ProjectionsGrpc from '@eventstore/db-client/generated/projections_grpc_pb.js';
import type * as ProjectionsPb from '@eventstore/db-client/generated/projections_pb.js';
import type * as ServerFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import type * as ServerFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import type * as SharedPb from '@eventstore/db-client/generated/shared_pb.js';
import type * as StatusPb from '@eventstore/db-client/generated/status_pb.js';
import type * as StreamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type * as V2StreamsGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_grpc_pb.js';
import type * as V2StreamsPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_pb.js';
import type * as V2ErrorsPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/errors_pb.js';
import type { ClientPackage } from './testServer.js';

/** google.protobuf.Any, narrowed to what the server uses (its types are not a dependency of ours). */
export interface AnyMessage {
  pack(serialized: Uint8Array, name: string, typeUrlPrefix?: string): void;
}

/** google.protobuf.Empty, as the streams messages expect it. */
type GoogleEmpty = NonNullable<ReturnType<StreamsPb.BatchAppendResp.Success['getNoStream']>>;

export interface Protocol {
  readonly clientPackage: ClientPackage;
  readonly streams: typeof StreamsPb;
  readonly shared: typeof SharedPb;
  readonly status: typeof StatusPb;
  readonly serverFeatures: typeof ServerFeaturesPb;
  readonly gossip: typeof GossipPb;
  readonly projections: typeof ProjectionsPb;
  readonly google: {
    readonly Any: new () => AnyMessage & NonNullable<ReturnType<StatusPb.Status['getDetails']>>;
    readonly Empty: new () => GoogleEmpty;
  };
  readonly services: {
    readonly streams: typeof StreamsGrpc.StreamsService;
    readonly serverFeatures: typeof ServerFeaturesGrpc.ServerFeaturesService;
    readonly gossip: typeof GossipGrpc.GossipService;
    readonly projections: typeof ProjectionsGrpc.ProjectionsService;
  };
  /** KurrentDB 25.1's v2 streams protocol (the multi-stream AppendSession); only kurrentdb-client ships it. */
  readonly v2: V2Protocol | undefined;
}

export interface V2Protocol {
  readonly streams: typeof V2StreamsPb;
  readonly errors: typeof V2ErrorsPb;
  readonly service: typeof V2StreamsGrpc.StreamsServiceService;
}

const v2Folder = '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams';

/** Where each client package keeps its generated `*_pb.js` files. */
const generatedFolder: Record<ClientPackage, string> = {
  '@eventstore/db-client': '@eventstore/db-client/generated',
  '@kurrent/kurrentdb-client': '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1',
};

/** The file name of the projections protocol in each client package. */
const projectionsFile: Record<ClientPackage, string> = {
  '@eventstore/db-client': 'projections',
  '@kurrent/kurrentdb-client': 'projectionmanagement',
};

const cache = new Map<ClientPackage, Protocol>();

export function loadProtocol(clientPackage: ClientPackage): Protocol {
  const cached = cache.get(clientPackage);
  if (cached !== undefined) return cached;

  const requireHere = createRequire(import.meta.url);
  const folder = generatedFolder[clientPackage];
  try {
    requireHere.resolve(`${folder}/streams_pb.js`);
  } catch {
    throw new Error(
      `@dossier/eventstoredb-test-server: ${clientPackage} is not installed; install it beside this package ` +
        `(npm install --save-dev ${clientPackage}) or start the server with the client your code uses`,
    );
  }
  // Resolve the client's own google-protobuf (the one its generated code extends),
  // starting from its generated folder rather than from this package.
  const requireFromClient = createRequire(requireHere.resolve(`${folder}/streams_pb.js`));
  const load = <T>(file: string): T => requireHere(`${folder}/${file}`) as T;

  const protocol: Protocol = {
    clientPackage,
    streams: load<typeof StreamsPb>('streams_pb.js'),
    shared: load<typeof SharedPb>('shared_pb.js'),
    status: load<typeof StatusPb>('status_pb.js'),
    serverFeatures: load<typeof ServerFeaturesPb>('serverfeatures_pb.js'),
    gossip: load<typeof GossipPb>('gossip_pb.js'),
    projections: load<typeof ProjectionsPb>(`${projectionsFile[clientPackage]}_pb.js`),
    google: {
      Any: (
        requireFromClient('google-protobuf/google/protobuf/any_pb.js') as { Any: Protocol['google']['Any'] }
      ).Any,
      Empty: (
        requireFromClient('google-protobuf/google/protobuf/empty_pb.js') as {
          Empty: Protocol['google']['Empty'];
        }
      ).Empty,
    },
    services: {
      streams: load<typeof StreamsGrpc>('streams_grpc_pb.js').StreamsService,
      serverFeatures: load<typeof ServerFeaturesGrpc>('serverfeatures_grpc_pb.js').ServerFeaturesService,
      gossip: load<typeof GossipGrpc>('gossip_grpc_pb.js').GossipService,
      projections: load<typeof ProjectionsGrpc>(`${projectionsFile[clientPackage]}_grpc_pb.js`)
        .ProjectionsService,
    },
    v2:
      clientPackage === '@kurrent/kurrentdb-client'
        ? {
            streams: requireHere(`${v2Folder}/streams_pb.js`) as typeof V2StreamsPb,
            errors: requireHere(`${v2Folder}/errors_pb.js`) as typeof V2ErrorsPb,
            service: (requireHere(`${v2Folder}/streams_grpc_pb.js`) as typeof V2StreamsGrpc)
              .StreamsServiceService,
          }
        : undefined,
  };
  cache.set(clientPackage, protocol);
  return protocol;
}

// Message types the handlers work with, re-exported so other files import them from one place.
export type ReadReq = StreamsPb.ReadReq;
export type ReadReqOptions = StreamsPb.ReadReq.Options;
export type FilterOptions = StreamsPb.ReadReq.Options.FilterOptions;
export type ReadResp = StreamsPb.ReadResp;
export type AppendReq = StreamsPb.AppendReq;
export type AppendReqOptions = StreamsPb.AppendReq.Options;
export type AppendResp = StreamsPb.AppendResp;
export type BatchAppendReq = StreamsPb.BatchAppendReq;
export type BatchAppendResp = StreamsPb.BatchAppendResp;
export type BatchAppendSuccess = StreamsPb.BatchAppendResp.Success;
export type DeleteReq = StreamsPb.DeleteReq;
export type DeleteResp = StreamsPb.DeleteResp;
export type TombstoneReq = StreamsPb.TombstoneReq;
export type TombstoneResp = StreamsPb.TombstoneResp;
export type UUID = SharedPb.UUID;
export type StreamIdentifier = SharedPb.StreamIdentifier;
export type Status = StatusPb.Status;
export type SharedEmpty = SharedPb.Empty;
export type SupportedMethods = ServerFeaturesPb.SupportedMethods;
export type ClusterInfo = GossipPb.ClusterInfo;
export type { ProjectionsPb };
export type V2AppendRequest = V2StreamsPb.AppendRequest;
export type V2AppendSessionResponse = V2StreamsPb.AppendSessionResponse;
export type V2AppendRecord = V2StreamsPb.AppendRecord;
export type V2AppendRecordsRequest = V2StreamsPb.AppendRecordsRequest;
export type V2AppendRecordsResponse = V2StreamsPb.AppendRecordsResponse;
