// The store reads and subscribes over a client's gRPC channel, through the client's own call machinery (reconnection,
// credentials) and request messages, with the answers decoded by readResponses.ts rather than into the generated
// messages, which is most of a long read's time on the application's thread. Both packages' clients: for
// @kurrent/kurrentdb-client 1.x this also keeps reads off its native bridge (a Rust client of its own), which stops
// for good when a reconnection fails: after a NotLeader, a connection cut while it asks the named node for its
// features ends the bridge's connection loop, and every later read fails as unavailable until the process restarts
// (the kurrent fault suite and test/grpcReads.test.ts reproduce it). Where a client lacks what this needs (another
// version, a wrapper), its own reads are used.
import { createRequire } from 'node:module';
import { ReadResponse, toResolved } from './readResponses.js';
import type {
  EsdbClientLike,
  EsdbFilter,
  EsdbReadAllOptions,
  EsdbReadStreamOptions,
  EsdbResolvedEvent,
  EsdbSubscribeToAllOptions,
  EsdbSubscription,
} from './clientLike.js';

/** A protobuf message of the client's generated code: built with setters, as the client builds its own. */
type Message = Record<string, (...args: unknown[]) => unknown>;
type MessageClass = new () => Message;

/** The client's generated messages and helpers that a gRPC read needs. */
interface Generated {
  /** The package's client class: only its instances have the channel these messages belong to. */
  readonly Client: abstract new (...args: never[]) => unknown;
  readonly ReadReq: MessageClass & {
    readonly Options: MessageClass & {
      readonly StreamOptions: MessageClass;
      readonly AllOptions: MessageClass;
      readonly Position: MessageClass;
      readonly UUIDOption: MessageClass;
      readonly FilterOptions: MessageClass & { readonly Expression: MessageClass };
      readonly SubscriptionOptions: MessageClass;
    };
  };
  readonly Empty: MessageClass;
  /** The generated Streams client: its service definition's Read method, whose answers the store decodes itself. */
  readonly StreamsClient: { readonly service: { readonly read: ReadMethod } };
  /**
   * A Streams client class of the package's own @grpc/grpc-js with the generated Read method but for its answers,
   * which {@link ReadResponse} decodes rather than the generated messages: one per package, since the client keeps
   * one instance of it on its channel, keyed by class.
   */
  readonly ReadClient: unknown;
  readonly Subscription: new (
    create: () => Promise<unknown>,
    convert: (event: unknown) => EsdbResolvedEvent,
    options: object,
    checkpointReached: EsdbFilter['checkpointReached'],
  ) => EsdbSubscription;
  readonly ReadStream: new (
    create: () => Promise<unknown>,
    convert: (event: unknown) => EsdbResolvedEvent,
  ) => AsyncIterable<EsdbResolvedEvent>;
  readonly createStreamIdentifier: (stream: string) => unknown;
}

/** The client's own call machinery: its channel, reconnection on NotLeader or a dropped connection, credentials. */
interface ClientInternals {
  readonly GRPCStreamCreator: (
    service: unknown,
    name: string,
    create: (service: { read: (req: Message, ...args: unknown[]) => unknown }) => unknown,
  ) => () => Promise<unknown>;
  readonly callArguments: (base: object, call: { readonly deadline: number }) => unknown[];
}

/** A gRPC method definition, as @grpc/grpc-js takes it. */
interface ReadMethod {
  readonly path: string;
  readonly requestStream: boolean;
  readonly responseStream: boolean;
  readonly requestSerialize: (message: never) => Buffer;
  readonly responseDeserialize: (bytes: Buffer) => unknown;
}

/** Calls a generated setter by name: the client ships no types for its messages, so they are typed loosely here. */
const set = (message: Message, setter: string, value: unknown): void => void message[setter]!(value);

/** Where a client package keeps what a read needs. */
interface ClientPackage {
  readonly root: string;
  readonly protocols: string;
  readonly className: string;
}

const kurrent: ClientPackage = {
  root: '@kurrent/kurrentdb-client',
  protocols: 'generated/kurrentdb/protocols/v1',
  className: 'KurrentDBClient',
};
const eventStoreDb: ClientPackage = {
  root: '@eventstore/db-client',
  protocols: 'generated',
  className: 'EventStoreDBClient',
};

const loadGenerated = ({ root, protocols, className }: ClientPackage): Generated | undefined => {
  try {
    const require = createRequire(import.meta.url);
    const streams = require(`${root}/${protocols}/streams_pb`) as Pick<Generated, 'ReadReq'>;
    const shared = require(`${root}/${protocols}/shared_pb`) as Pick<Generated, 'Empty'>;
    const service = require(`${root}/${protocols}/streams_grpc_pb`) as Pick<Generated, 'StreamsClient'>;
    // The client's own copy of @grpc/grpc-js: a client class of another copy could not use the client's channel.
    const grpc = createRequire(require.resolve(root))('@grpc/grpc-js') as {
      makeGenericClientConstructor: (methods: object, serviceName: string) => unknown;
    };
    const readStream = require(`${root}/dist/streams/utils/ReadStream`) as Pick<Generated, 'ReadStream'>;
    const subscription = require(`${root}/dist/streams/utils/Subscription`) as Pick<
      Generated,
      'Subscription'
    >;
    const utils = require(`${root}/dist/utils`) as Pick<Generated, 'createStreamIdentifier'>;
    const client = (require(root) as Record<string, Generated['Client']>)[className];
    const read = service.StreamsClient.service.read;
    const generated: Generated = {
      Client: client as Generated['Client'],
      ReadReq: streams.ReadReq,
      Empty: shared.Empty,
      StreamsClient: service.StreamsClient,
      ReadClient: grpc.makeGenericClientConstructor(
        { read: { ...read, responseDeserialize: (bytes: Buffer) => ReadResponse.decode(bytes) } },
        'Streams',
      ),
      ReadStream: readStream.ReadStream,
      Subscription: subscription.Subscription,
      createStreamIdentifier: utils.createStreamIdentifier,
    };
    const parts = { ...generated, StreamsClient: read.responseDeserialize };
    return Object.values(parts).every((part) => typeof part === 'function') ? generated : undefined;
  } catch {
    return undefined;
  }
};

const loaded = new Map<ClientPackage, Generated | null>();

/** A package's generated code, loaded once, and only for a client of that package. */
const generatedOf = (pkg: ClientPackage): Generated | undefined => {
  if (!loaded.has(pkg)) loaded.set(pkg, loadGenerated(pkg) ?? null);
  return loaded.get(pkg) ?? undefined;
};

const hasCallMachinery = (client: object): client is ClientInternals =>
  typeof (client as Partial<ClientInternals>).GRPCStreamCreator === 'function' &&
  typeof (client as Partial<ClientInternals>).callArguments === 'function';

const setFilter = (g: Generated, options: Message, filter: EsdbFilter | undefined): void => {
  if (filter === undefined) {
    set(options, 'setNoFilter', new g.Empty());
    return;
  }
  const expression = new g.ReadReq.Options.FilterOptions.Expression();
  if ('prefixes' in filter) set(expression, 'setPrefixList', filter.prefixes);
  else set(expression, 'setRegex', filter.regex);
  const filterOptions = new g.ReadReq.Options.FilterOptions();
  if (filter.filterOn === 'streamName') set(filterOptions, 'setStreamIdentifier', expression);
  else set(filterOptions, 'setEventType', expression);
  set(filterOptions, 'setCount', new g.Empty());
  set(filterOptions, 'setCheckpointintervalmultiplier', filter.checkpointInterval);
  set(options, 'setFilter', filterOptions);
};

/** What every read and subscription asks: no links resolved, ids as strings. */
const sharedOptions = (g: Generated): Message => {
  const options = new g.ReadReq.Options();
  const uuid = new g.ReadReq.Options.UUIDOption();
  set(uuid, 'setString', new g.Empty());
  set(options, 'setUuidOption', uuid);
  set(options, 'setResolveLinks', false);
  return options;
};

/** A read's options: how many, which way. */
const readOptions = (
  g: Generated,
  maxCount: number | bigint,
  direction: 'forwards' | 'backwards',
): Message => {
  const options = sharedOptions(g);
  set(options, 'setCount', maxCount.toString(10));
  set(options, 'setReadDirection', direction === 'forwards' ? 0 : 1);
  return options;
};

const requestOf = (g: Generated, options: Message): Message => {
  const request = new g.ReadReq();
  set(request, 'setOptions', options);
  return request;
};

const streamRequest = (g: Generated, stream: string, options: EsdbReadStreamOptions): Message => {
  const read = readOptions(g, options.maxCount, options.direction);
  const streamOptions = new g.ReadReq.Options.StreamOptions();
  set(streamOptions, 'setStreamIdentifier', g.createStreamIdentifier(stream));
  if (options.fromRevision === 'start') set(streamOptions, 'setStart', new g.Empty());
  else if (options.fromRevision === 'end') set(streamOptions, 'setEnd', new g.Empty());
  else set(streamOptions, 'setRevision', options.fromRevision.toString(10));
  set(read, 'setStream', streamOptions);
  set(read, 'setNoFilter', new g.Empty());
  return requestOf(g, read);
};

const allStart = (g: Generated, from: EsdbReadAllOptions['fromPosition']): Message => {
  const allOptions = new g.ReadReq.Options.AllOptions();
  if (from === 'start') set(allOptions, 'setStart', new g.Empty());
  else if (from === 'end') set(allOptions, 'setEnd', new g.Empty());
  else {
    const position = new g.ReadReq.Options.Position();
    set(position, 'setCommitPosition', from.commit.toString(10));
    set(position, 'setPreparePosition', from.prepare.toString(10));
    set(allOptions, 'setPosition', position);
  }
  return allOptions;
};

const allRequest = (g: Generated, options: EsdbReadAllOptions): Message => {
  const read = readOptions(g, options.maxCount, options.direction);
  set(read, 'setAll', allStart(g, options.fromPosition));
  setFilter(g, read, options.filter);
  return requestOf(g, read);
};

/** A catch-up subscription to `$all` after a position (exclusive), as the client's subscribeToAll asks for one. */
const subscriptionRequest = (g: Generated, options: EsdbSubscribeToAllOptions): Message => {
  const read = sharedOptions(g);
  set(read, 'setSubscription', new g.ReadReq.Options.SubscriptionOptions());
  set(read, 'setAll', allStart(g, options.fromPosition));
  setFilter(g, read, options.filter);
  return requestOf(g, read);
};

/** A stream's truncate-before (`$tb`) from the last event of its metadata stream, as the client's getStreamMetadata. */
const truncateBefore = async (
  readStream: (stream: string, options: EsdbReadStreamOptions) => AsyncIterable<EsdbResolvedEvent>,
  stream: string,
): Promise<{ readonly metadata?: { readonly truncateBefore?: unknown } }> => {
  let metadata: unknown;
  try {
    // Read to the end, never left early: a read abandoned midway leaves its call open until the client is disposed.
    for await (const resolved of readStream(`$$${stream}`, {
      direction: 'backwards',
      fromRevision: 'end',
      maxCount: 1,
    })) {
      if (resolved.event?.isJson === true) metadata = resolved.event.data;
    }
    return typeof metadata === 'object' && metadata !== null
      ? { metadata: { truncateBefore: (metadata as Record<string, unknown>)['$tb'] } }
      : {};
  } catch (thrown) {
    if ((thrown as { readonly type?: unknown }).type === 'stream-not-found') return {};
    throw thrown;
  }
};

/**
 * The client as the store uses it: a KurrentDBClient or EventStoreDBClient reads and subscribes as above, anything
 * else is used as it is. Every other call goes to the client itself.
 */
export const withGrpcReads = (client: EsdbClientLike): EsdbClientLike => {
  if (!hasCallMachinery(client)) return client;
  // Only a KurrentDBClient has a bridge; the other package is not loaded for it (their generated classes share one
  // namespace, so the two must never load in one process).
  const g = generatedOf('rustClient' in client ? kurrent : eventStoreDb);
  // Another copy of the package than the one found here: its messages would not be the client's.
  if (g === undefined || !(client instanceof g.Client)) return client;
  // The client's own Read call, through its channel and reconnection, with no deadline (reads and subscriptions end
  // when they end); its answers come decoded by ReadResponse, which the client's ReadStream and Subscription read.
  const call = (name: string, request: Message) =>
    client.GRPCStreamCreator(g.ReadClient, name, (service) =>
      service.read(request, ...client.callArguments({}, { deadline: Infinity })),
    );
  const convert = toResolved as (event: unknown) => EsdbResolvedEvent;
  const read = (name: string, request: Message): AsyncIterable<EsdbResolvedEvent> =>
    new g.ReadStream(call(name, request), convert);
  const readStream = (stream: string, options: EsdbReadStreamOptions): AsyncIterable<EsdbResolvedEvent> =>
    read('readStream', streamRequest(g, stream, options));
  const multiStreamAppend = client.multiStreamAppend?.bind(client);
  return {
    appendToStream: (stream, events, options) => client.appendToStream(stream, events, options),
    ...(multiStreamAppend === undefined ? {} : { multiStreamAppend }),
    readStream,
    readAll: (options) => read('readAll', allRequest(g, options)),
    subscribeToAll: (options) =>
      new g.Subscription(
        call('subscribeToAll', subscriptionRequest(g, options)),
        convert,
        {},
        options.filter?.checkpointReached,
      ),
    deleteStream: (stream, options) => client.deleteStream(stream, options),
    setStreamMetadata: (stream, metadata, options) => client.setStreamMetadata(stream, metadata, options),
    getStreamMetadata: (stream) => truncateBefore(readStream, stream),
    dispose: () => client.dispose(),
  };
};
