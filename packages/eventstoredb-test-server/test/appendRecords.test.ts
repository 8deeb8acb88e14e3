// KurrentDB 26's v2 AppendRecords, through @kurrent/kurrentdb-client's appendRecords: one unary call, records that
// name their streams written in the order sent, consistency checks on any stream evaluated first, all or nothing.
import {
  AppendConsistencyViolationError,
  jsonEvent,
  KurrentDBClient,
  StreamTombstonedError,
  UnsupportedError,
  type AppendRecordInput,
  type ConsistencyCheck,
} from '@kurrent/kurrentdb-client';
import { expect, onTestFinished, test } from 'vitest';
import { startTestServer, type TestServer, type TestServerOptions } from '../src/index.js';
import { collect } from './timeline.js';

async function serverAndClient(
  options: Omit<TestServerOptions, 'client'> = {},
): Promise<{ server: TestServer; client: KurrentDBClient }> {
  const server = await startTestServer({
    client: '@kurrent/kurrentdb-client',
    systemEvents: false,
    ...options,
  });
  const client = KurrentDBClient.connectionString(server.kurrentUrl);
  onTestFinished(async () => {
    await client.dispose();
    await server.stop();
  });
  return { server, client };
}

const record = (
  streamName: string,
  type = 'Noted',
  data: Record<string, unknown> = {},
): AppendRecordInput => ({
  streamName,
  record: jsonEvent({ type, data }),
});

const check = (streamName: string, expectedState: ConsistencyCheck['expectedState']): ConsistencyCheck => ({
  type: 'stream_state',
  streamName,
  expectedState,
});

const seed = (client: KurrentDBClient, stream: string, count: number) =>
  client.appendToStream(
    stream,
    Array.from({ length: count }, (_, n) => jsonEvent({ type: 'Seeded', data: { n } })),
  );

const revisionsOf = (server: TestServer, stream: string) =>
  server.store.streamEvents(stream).map((event) => event.revision);

test('records interleaved across streams land in $all in the order sent; each stream gets its last revision', async () => {
  const { server, client } = await serverAndClient();
  await seed(client, 'b', 2);
  server.requests.length = 0;

  const result = await client.appendRecords([
    record('a', 'One', { order: 1 }),
    record('b', 'Two', { order: 2 }),
    record('a', 'Three', { order: 3 }),
    { streamName: 'b', record: jsonEvent({ type: 'Four', data: { order: 4 }, metadata: { by: 'alice' } }) },
  ]);
  const served = [...server.requests];

  expect(new Map(result.responses.map((r) => [r.streamName, r.revision]))).toEqual(
    new Map([
      ['a', 1n],
      ['b', 3n],
    ]),
  );
  const all = await collect(client.readAll());
  const written = all.slice(-4).map((e) => [e.event?.streamId, e.event?.revision, e.event?.type]);
  expect(written).toEqual([
    ['a', 0n, 'One'],
    ['b', 2n, 'Two'],
    ['a', 1n, 'Three'],
    ['b', 3n, 'Four'],
  ]);
  // The answer's position is the last record's; properties read back as JSON metadata, with the schema added.
  expect(all.at(-1)?.event?.position?.commit).toBe(result.position);
  expect(all.at(-1)?.event?.metadata).toEqual({
    by: 'alice',
    '$schema.name': 'Four',
    '$schema.format': 'Json',
  });
  expect(served).toEqual([
    {
      kind: 'appendRecords',
      streams: [
        { stream: 'a', events: 2 },
        { stream: 'b', events: 2 },
      ],
    },
  ]);
});

test('checks are evaluated first and all of them: every violation comes back by index, nothing is written', async () => {
  const { server, client } = await serverAndClient();
  await seed(client, 'at-2', 3);
  await seed(client, 'soft', 2);
  await client.deleteStream('soft');
  await seed(client, 'hard', 1);
  await client.tombstoneStream('hard');

  const error = await client
    .appendRecords(
      [record('written'), record('at-2')],
      [
        check('at-2', 2n), // holds
        check('at-2', 1n), // stale
        check('missing', 'stream_exists'),
        check('soft', 1n), // a soft-deleted stream is at no revision
        check('hard', 'no_stream'), // holds: a tombstoned stream has no events to expect
        check('soft', 'no_stream'), // holds
        check('missing', 'no_stream'), // holds
        check('at-2', 'no_stream'),
        check('anything', 'any'), // holds
      ],
    )
    .catch((thrown: unknown) => thrown);

  expect(error).toBeInstanceOf(AppendConsistencyViolationError);
  const violations = (error as AppendConsistencyViolationError).violations;
  expect(violations.map((v) => [v.checkIndex, v.streamName])).toEqual([
    [1, 'at-2'],
    [2, 'missing'],
    [3, 'soft'],
    [7, 'at-2'],
  ]);
  expect(violations[0]).toMatchObject({ expectedState: 1n, actualState: 2n });
  expect(violations[1]).toMatchObject({ expectedState: 'stream_exists', actualState: 'no_stream' });
  expect(revisionsOf(server, 'written')).toEqual([]);
  expect(revisionsOf(server, 'at-2')).toEqual([0n, 1n, 2n]);
});

test('a check may name a stream the call does not write: it still guards the write', async () => {
  const { server, client } = await serverAndClient();
  await seed(client, 'decision', 1);

  const ok = await client.appendRecords([record('outcome')], [check('decision', 0n)]);
  expect(ok.responses).toEqual([{ streamName: 'outcome', revision: 0n }]);

  await seed(client, 'decision', 1);
  await expect(client.appendRecords([record('outcome')], [check('decision', 0n)])).rejects.toBeInstanceOf(
    AppendConsistencyViolationError,
  );
  expect(revisionsOf(server, 'outcome')).toEqual([0n]);
});

test('writing to a tombstoned stream fails the whole call; a soft-deleted one is recreated, its numbering continued', async () => {
  const { server, client } = await serverAndClient();
  await seed(client, 'gone', 1);
  await client.tombstoneStream('gone');
  await seed(client, 'paused', 2);
  await client.deleteStream('paused');

  const error = await client
    .appendRecords([record('other'), record('gone')])
    .catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(StreamTombstonedError);
  expect(revisionsOf(server, 'other')).toEqual([]);

  const result = await client.appendRecords([record('paused', 'Back')]);
  expect(result.responses).toEqual([{ streamName: 'paused', revision: 2n }]);
  const read = await collect(client.readStream('paused'));
  expect(read.map((e) => [e.event?.revision, e.event?.type])).toEqual([[2n, 'Back']]);
});

test('records sent again with the same ids are written once', async () => {
  const { server, client } = await serverAndClient();
  const records = [record('twice', 'A'), record('twice', 'B')];

  const first = await client.appendRecords(records);
  const again = await client.appendRecords(records);

  expect(revisionsOf(server, 'twice')).toEqual([0n, 1n]);
  expect(again.responses).toEqual(first.responses);
  expect(again.position).toBe(first.position);
});

test('a call larger than the maximum append size is refused, nothing written', async () => {
  const { server, client } = await serverAndClient({ maxAppendSize: 100 });

  const error = await client
    .appendRecords([record('big', 'Big', { text: 'x'.repeat(200) })])
    .catch((thrown: unknown) => thrown);

  expect(error).toMatchObject({ type: 'transaction-max-size-exceeded' });
  expect(revisionsOf(server, 'big')).toEqual([]);
});

test('with appendRecords off the server is a 25.1 one: the client says unsupported', async () => {
  const { server, client } = await serverAndClient({ appendRecords: false });

  const error = await client.appendRecords([record('never')]).catch((thrown: unknown) => thrown);

  expect(error).toBeInstanceOf(UnsupportedError);
  expect(server.calls.some((path) => path.includes('AppendRecords'))).toBe(false);
  expect(revisionsOf(server, 'never')).toEqual([]);
});
