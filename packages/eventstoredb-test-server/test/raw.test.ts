// What @eventstore/db-client 6.2.1 cannot ask for, asked over raw gRPC with the same
// generated classes: filtered `$all` reads (its readAll always sends `no_filter`),
// structured UUIDs, requests a real server rejects, methods this server does not serve.
// Plus discovery (Gossip.Read) through the real client with an `esdb+discover://` string.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { credentials, status, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import type * as OperationsGrpc from '@eventstore/db-client/generated/operations_grpc_pb.js';
import type * as StreamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import { describe, expect, onTestFinished, test } from 'vitest';
import { uuidMessage, uuidToString } from '../src/convert.js';
import { loadProtocol, type ReadReqOptions, type ReadResp } from '../src/protocol.js';
import { collect, serverAndClient } from './harness.js';
import { loadedModulesOf, ownsGlobalNamespace } from './isolation.js';

const protocol = loadProtocol('@eventstore/db-client');
const { streams, shared } = protocol;
const requireGenerated = createRequire(import.meta.url);
const { StreamsClient } = requireGenerated(
  '@eventstore/db-client/generated/streams_grpc_pb.js',
) as typeof StreamsGrpc;
const { OperationsClient } = requireGenerated(
  '@eventstore/db-client/generated/operations_grpc_pb.js',
) as typeof OperationsGrpc;

async function rawStreamsClient(): Promise<{
  raw: StreamsGrpc.StreamsClient;
  client: EventStoreDBClient;
  port: number;
}> {
  const { server, client } = await serverAndClient({ systemEvents: false });
  const raw = new StreamsClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
  onTestFinished(() => raw.close());
  return { raw, client, port: server.port };
}

function readAllOptions(configure: (options: ReadReqOptions) => void): ReadReqOptions {
  const options = new streams.ReadReq.Options()
    .setAll(new streams.ReadReq.Options.AllOptions().setStart(new shared.Empty()))
    .setCount('100')
    .setUuidOption(new streams.ReadReq.Options.UUIDOption().setString(new shared.Empty()))
    .setNoFilter(new shared.Empty());
  configure(options);
  return options;
}

function responses(call: ClientReadableStream<ReadResp>): Promise<ReadResp[]> {
  return new Promise((resolve, reject) => {
    const out: ReadResp[] = [];
    call.on('data', (response: ReadResp) => out.push(response));
    call.on('error', reject);
    call.on('end', () => resolve(out));
  });
}

const typesOf = (list: readonly ReadResp[]) =>
  list.map((response) => response.getEvent()?.getEvent()?.getMetadataMap().get('type'));

describe('filtered reads of $all', () => {
  test('by event type prefix, forwards; count counts matches', async () => {
    const { raw, client } = await rawStreamsClient();
    await client.appendToStream('s', ['OrderPlaced', 'Noise', 'OrderShipped', 'OrderClosed'].map(event));

    const filter = new streams.ReadReq.Options.FilterOptions()
      .setEventType(new streams.ReadReq.Options.FilterOptions.Expression().setPrefixList(['Order']))
      .setCount(new shared.Empty())
      .setCheckpointintervalmultiplier(1);
    const read = await responses(
      raw.read(new streams.ReadReq().setOptions(readAllOptions((o) => o.setFilter(filter).setCount('2')))),
    );

    expect(typesOf(read)).toEqual(['OrderPlaced', 'OrderShipped']);
  });

  test('by event type regex, backwards from the end', async () => {
    const { raw, client } = await rawStreamsClient();
    await client.appendToStream('s', ['A1', 'B1', 'A2', 'B2'].map(event));

    const filter = new streams.ReadReq.Options.FilterOptions()
      .setEventType(new streams.ReadReq.Options.FilterOptions.Expression().setRegex('^A\\d$'))
      .setMax(1)
      .setCheckpointintervalmultiplier(1);
    const read = await responses(
      raw.read(
        new streams.ReadReq().setOptions(
          readAllOptions((o) =>
            o
              .setFilter(filter)
              .setReadDirection(streams.ReadReq.Options.ReadDirection.BACKWARDS)
              .setAll(new streams.ReadReq.Options.AllOptions().setEnd(new shared.Empty())),
          ),
        ),
      ),
    );

    expect(typesOf(read)).toEqual(['A2', 'A1']);
  });

  test('by stream name prefix', async () => {
    const { raw, client } = await rawStreamsClient();
    await client.appendToStream('order-1', event('X'));
    await client.appendToStream('invoice-1', event('Y'));
    await client.appendToStream('order-2', event('Z'));

    const filter = new streams.ReadReq.Options.FilterOptions()
      .setStreamIdentifier(new streams.ReadReq.Options.FilterOptions.Expression().setPrefixList(['order-']))
      .setCount(new shared.Empty())
      .setCheckpointintervalmultiplier(1);
    const read = await responses(
      raw.read(new streams.ReadReq().setOptions(readAllOptions((o) => o.setFilter(filter)))),
    );

    expect(typesOf(read)).toEqual(['X', 'Z']);
  });
});

describe('UUIDs', () => {
  test('ids come back in the form asked for: strings, or structured 64-bit halves', async () => {
    const { raw, client } = await rawStreamsClient();
    const id = randomUUID();
    await client.appendToStream('s', jsonEvent({ id, type: 'A', data: {} }));

    const asString = await responses(
      raw.read(new streams.ReadReq().setOptions(readAllOptions(() => undefined))),
    );
    const asStructured = await responses(
      raw.read(
        new streams.ReadReq().setOptions(
          readAllOptions((o) =>
            o.setUuidOption(new streams.ReadReq.Options.UUIDOption().setStructured(new shared.Empty())),
          ),
        ),
      ),
    );

    const stringId = asString[0]?.getEvent()?.getEvent()?.getId();
    const structuredId = asStructured[0]?.getEvent()?.getEvent()?.getId();
    expect(stringId?.getString()).toBe(id);
    expect(structuredId?.hasStructured()).toBe(true);
    expect(uuidToString(structuredId)).toBe(id);
  });

  test('a structured id sent with an append is stored as the same UUID', async () => {
    const { raw, client } = await rawStreamsClient();
    const id = randomUUID();

    await new Promise<void>((resolve, reject) => {
      const call = raw.append((error) => (error === null ? resolve() : reject(error)));
      const identifier = new shared.StreamIdentifier().setStreamName(Buffer.from('s'));
      call.write(
        new streams.AppendReq().setOptions(
          new streams.AppendReq.Options().setStreamIdentifier(identifier).setAny(new shared.Empty()),
        ),
      );
      const message = new streams.AppendReq.ProposedMessage()
        .setId(uuidMessage(protocol, id, true))
        .setData(Buffer.from('{}'));
      message.getMetadataMap().set('type', 'A').set('content-type', 'application/json');
      call.write(new streams.AppendReq().setProposedMessage(message));
      call.end();
    });

    const [read] = await collect(client.readStream('s'));
    expect(read?.event?.id).toBe(id);
  });
});

describe('an append cut off', () => {
  test('by a connection reset before the client ended it is never written, not even in part', async () => {
    const { server } = await serverAndClient({ faults: true });
    const raw = new StreamsClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
    onTestFinished(() => raw.close());
    const settled = new Promise<ServiceError | null>((resolve) => {
      const call = raw.append((error) => resolve(error));
      const identifier = new shared.StreamIdentifier().setStreamName(Buffer.from('s'));
      call.write(
        new streams.AppendReq().setOptions(
          new streams.AppendReq.Options().setStreamIdentifier(identifier).setNoStream(new shared.Empty()),
        ),
      );
      const message = new streams.AppendReq.ProposedMessage()
        .setId(uuidMessage(protocol, randomUUID(), false))
        .setData(Buffer.from('{}'));
      message.getMetadataMap().set('type', 'A').set('content-type', 'application/json');
      call.write(new streams.AppendReq().setProposedMessage(message));
      // No call.end(): the append is not over when its connection goes.
    });
    for (
      let waited = 0;
      !server.calls.some((path) => path.endsWith('/Append')) && waited < 2_000;
      waited += 10
    )
      await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.faults.dropConnections();
    expect((await settled)?.code).toBe(status.UNAVAILABLE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.store.streamEvents('s')).toEqual([]);
  });
});

describe('requests a server rejects', () => {
  test('an append without the required `type` metadata', async () => {
    const { raw } = await rawStreamsClient();

    const error = await new Promise<ServiceError | null>((resolve) => {
      const call = raw.append((failure) => resolve(failure));
      const identifier = new shared.StreamIdentifier().setStreamName(Buffer.from('s'));
      call.write(
        new streams.AppendReq().setOptions(
          new streams.AppendReq.Options().setStreamIdentifier(identifier).setAny(new shared.Empty()),
        ),
      );
      const message = new streams.AppendReq.ProposedMessage().setId(
        uuidMessage(protocol, randomUUID(), false),
      );
      message.getMetadataMap().set('content-type', 'application/json');
      call.write(new streams.AppendReq().setProposedMessage(message));
      call.end();
    });

    expect(error?.code).toBe(status.INVALID_ARGUMENT);
    expect(error?.metadata.get('exception')).toEqual(['missing-required-metadata-property']);
  });

  test('methods of services this server does not serve answer UNIMPLEMENTED', async () => {
    const { server } = await serverAndClient();
    const operations = new OperationsClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
    onTestFinished(() => operations.close());

    const error = await new Promise<ServiceError | null>((resolve) =>
      operations.shutdown(new shared.Empty(), (failure) => resolve(failure)),
    );

    expect(error?.code).toBe(status.UNIMPLEMENTED);
  });
});

test('discovery: an esdb+discover:// client reads the gossip, then talks to the node it found', async () => {
  const { server } = await serverAndClient();
  const client = EventStoreDBClient.connectionString(
    `esdb+discover://127.0.0.1:${server.port}?tls=false&discoveryInterval=10&maxDiscoverAttempts=2`,
  );
  onTestFinished(() => client.dispose());

  await client.appendToStream('s', event('A'));

  expect(await collect(client.readStream('s'))).toHaveLength(1);
  expect(server.calls[0]).toBe('/event_store.client.gossip.Gossip/Read');
});

test('this process loaded only @eventstore/db-client, whose classes own the protobuf namespace', () => {
  expect(loadedModulesOf('@eventstore/db-client').length).toBeGreaterThan(0);
  expect(loadedModulesOf('@kurrent/kurrentdb-client')).toEqual([]);
  expect(ownsGlobalNamespace(protocol)).toBe(true);
});

function event(type: string) {
  return jsonEvent({ type, data: {} });
}
