// The store decodes a KurrentDBClient's Read answers itself (src/readResponses.ts). Whatever the client's generated
// code writes, the decoder must read as the client's own generated code and convertGrpcEvent do, `created` aside:
// random answers of every kind are written with the generated messages, decoded both ways and compared.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadResponse, toResolved, type WireReadEvent } from '../src/readResponses.js';

interface Message {
  [method: string]: (...args: never[]) => unknown;
}
type MessageClass = new () => Message;

const require = createRequire(import.meta.url);
const protocols = '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1';
const streams = require(`${protocols}/streams_pb`) as {
  ReadResp: MessageClass & {
    deserializeBinary(bytes: Uint8Array): Message;
    ReadEvent: MessageClass & { RecordedEvent: MessageClass };
    StreamNotFound: MessageClass;
    SubscriptionConfirmation: MessageClass;
    Checkpoint: MessageClass;
    CaughtUp: MessageClass;
    FellBehind: MessageClass;
  };
};
const shared = require(`${protocols}/shared_pb`) as {
  UUID: MessageClass & { Structured: MessageClass };
  StreamIdentifier: MessageClass;
  Empty: MessageClass;
};
const { convertGrpcEvent } = require('@kurrent/kurrentdb-client/dist/utils') as {
  convertGrpcEvent: (event: unknown) => Record<string, unknown>;
};

const call = (message: Message, method: string, ...args: unknown[]): unknown =>
  (message[method] as (...a: unknown[]) => unknown)(...args);

const utf8 = new TextEncoder();
const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const bytesOf = fc.oneof(
  fc.jsonValue().map((value) => utf8.encode(JSON.stringify(value))),
  text.map((t) => utf8.encode(t)),
  fc.uint8Array({ maxLength: 40 }),
);

const record = fc.record({
  id: fc.oneof(
    fc.uuid().map((id) => ({ string: id })),
    fc.tuple(int64, int64).map(([most, least]) => ({ most, least })),
  ),
  stream: fc.oneof(text, fc.constantFrom('case-1', '$all', '$$case-1', 'ünïcödé-☃')),
  revision: uint64,
  prepare: fc.option(uint64, { nil: undefined }),
  commit: fc.option(uint64, { nil: undefined }),
  entries: fc.array(
    fc.tuple(
      fc.constantFrom('type', 'content-type', 'created', 'other'),
      fc.oneof(
        text,
        fc.constantFrom('application/json', 'application/octet-stream', 'Added', '16409952000000000'),
      ),
    ),
    { maxLength: 5 },
  ),
  customMetadata: fc.option(bytesOf, { nil: undefined }),
  data: fc.option(bytesOf, { nil: undefined }),
});
type WireRecordInput = typeof record extends fc.Arbitrary<infer R> ? R : never;

const recordedEvent = (r: WireRecordInput): Message => {
  const message = new streams.ReadResp.ReadEvent.RecordedEvent();
  const uuid = new shared.UUID();
  if ('string' in r.id) call(uuid, 'setString', r.id.string);
  else {
    const structured = new shared.UUID.Structured();
    call(structured, 'setMostSignificantBits', r.id.most.toString());
    call(structured, 'setLeastSignificantBits', r.id.least.toString());
    call(uuid, 'setStructured', structured);
  }
  call(message, 'setId', uuid);
  const identifier = new shared.StreamIdentifier();
  call(identifier, 'setStreamName', utf8.encode(r.stream));
  call(message, 'setStreamIdentifier', identifier);
  call(message, 'setStreamRevision', r.revision.toString());
  if (r.prepare !== undefined) call(message, 'setPreparePosition', r.prepare.toString());
  if (r.commit !== undefined) call(message, 'setCommitPosition', r.commit.toString());
  const map = call(message, 'getMetadataMap') as { set(key: string, value: string): void };
  for (const [key, value] of r.entries) map.set(key, value);
  if (r.customMetadata !== undefined) call(message, 'setCustomMetadata', r.customMetadata);
  if (r.data !== undefined) call(message, 'setData', r.data);
  return message;
};

const answer = fc.oneof(
  fc.record({
    kind: fc.constant('event' as const),
    event: record,
    link: fc.option(record, { nil: undefined }),
    position: fc.oneof(fc.constant(undefined), fc.constant('none' as const), uint64),
  }),
  fc.record({ kind: fc.constant('notFound' as const), stream: text }),
  fc.record({ kind: fc.constant('confirmation' as const), id: text }),
  fc.record({ kind: fc.constant('checkpoint' as const), commit: uint64, prepare: uint64 }),
  fc.record({ kind: fc.constant('firstPosition' as const), at: uint64 }),
  fc.constantFrom('caughtUp' as const, 'fellBehind' as const).map((kind) => ({ kind })),
);

const bytesOfAnswer = (a: typeof answer extends fc.Arbitrary<infer A> ? A : never): Uint8Array => {
  const response = new streams.ReadResp();
  if (a.kind === 'event') {
    const read = new streams.ReadResp.ReadEvent();
    call(read, 'setEvent', recordedEvent(a.event));
    if (a.link !== undefined) call(read, 'setLink', recordedEvent(a.link));
    if (a.position === 'none') call(read, 'setNoPosition', new shared.Empty());
    else if (a.position !== undefined) call(read, 'setCommitPosition', a.position.toString());
    call(response, 'setEvent', read);
  } else if (a.kind === 'notFound') {
    const notFound = new streams.ReadResp.StreamNotFound();
    const identifier = new shared.StreamIdentifier();
    call(identifier, 'setStreamName', utf8.encode(a.stream));
    call(notFound, 'setStreamIdentifier', identifier);
    call(response, 'setStreamNotFound', notFound);
  } else if (a.kind === 'confirmation') {
    const confirmation = new streams.ReadResp.SubscriptionConfirmation();
    call(confirmation, 'setSubscriptionId', a.id);
    call(response, 'setConfirmation', confirmation);
  } else if (a.kind === 'checkpoint') {
    const checkpoint = new streams.ReadResp.Checkpoint();
    call(checkpoint, 'setCommitPosition', a.commit.toString());
    call(checkpoint, 'setPreparePosition', a.prepare.toString());
    call(response, 'setCheckpoint', checkpoint);
  } else if (a.kind === 'firstPosition') call(response, 'setFirstStreamPosition', a.at.toString());
  else if (a.kind === 'caughtUp') call(response, 'setCaughtUp', new streams.ReadResp.CaughtUp());
  else call(response, 'setFellBehind', new streams.ReadResp.FellBehind());
  return call(response, 'serializeBinary') as Uint8Array;
};

/** The client's own reading, without `created` (a Date the store never reads). */
const byTheClient = (read: Message): { [key: string]: unknown } => {
  const resolved = convertGrpcEvent(read);
  const strip = (event: unknown) => {
    if (event === undefined) return undefined;
    const { created: _created, ...rest } = event as { [key: string]: unknown };
    return rest;
  };
  return Object.fromEntries(
    Object.entries({ ...resolved, event: strip(resolved['event']), link: strip(resolved['link']) }).filter(
      ([, value]) => value !== undefined,
    ),
  );
};

describe('ReadResponse', () => {
  it('reads every answer as the generated code and convertGrpcEvent do (created aside)', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const bytes = bytesOfAnswer(a);
        // As grpc-js hands answers to a deserializer: a Buffer.
        const ours = ReadResponse.decode(Buffer.from(bytes));
        const theirs = streams.ReadResp.deserializeBinary(bytes);
        expect(ours.hasEvent()).toBe(call(theirs, 'hasEvent'));
        expect(ours.hasStreamNotFound()).toBe(call(theirs, 'hasStreamNotFound'));
        expect(ours.hasConfirmation()).toBe(call(theirs, 'hasConfirmation'));
        expect(ours.hasCheckpoint()).toBe(call(theirs, 'hasCheckpoint'));
        expect(ours.hasCaughtUp()).toBe(call(theirs, 'hasCaughtUp'));
        expect(ours.hasFellBehind()).toBe(call(theirs, 'hasFellBehind'));
        if (ours.hasConfirmation())
          expect(ours.getConfirmation()?.getSubscriptionId()).toBe(
            call(call(theirs, 'getConfirmation') as Message, 'getSubscriptionId'),
          );
        if (ours.hasCheckpoint()) {
          const checkpoint = call(theirs, 'getCheckpoint') as Message;
          expect(BigInt(ours.getCheckpoint()!.getCommitPosition())).toBe(
            BigInt(call(checkpoint, 'getCommitPosition') as string),
          );
          expect(BigInt(ours.getCheckpoint()!.getPreparePosition())).toBe(
            BigInt(call(checkpoint, 'getPreparePosition') as string),
          );
        }
        if (ours.hasEvent())
          expect(toResolved(ours.getEvent() as WireReadEvent)).toEqual(
            byTheClient(call(theirs, 'getEvent') as Message),
          );
        if (ours.hasStreamNotFound()) {
          const name = (call(theirs, 'getStreamNotFound') as Message)['getStreamIdentifier']!() as Message;
          expect(ours.getStreamNotFound()?.getStreamIdentifier().getStreamName()).toEqual(
            call(name, 'getStreamName_asU8'),
          );
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('answers bytes that are no ReadResp, or one cut short, with an answer or an Error, never a hang', () => {
    // grpc-js fails the call when its deserializer throws, which the clients report as unavailable: a retry, not a
    // crash. What matters here is that the decoder always ends, whatever the bytes.
    const outcome = (bytes: Uint8Array): string => {
      try {
        const read = ReadResponse.decode(Buffer.from(bytes));
        if (read.hasEvent()) toResolved(read.getEvent() as WireReadEvent);
        return 'decoded';
      } catch (thrown) {
        expect(thrown).toBeInstanceOf(Error);
        return 'refused';
      }
    };
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.tuple(answer, fc.nat()).map(([a, cut]) => {
            const bytes = bytesOfAnswer(a);
            return bytes.subarray(0, bytes.length === 0 ? 0 : cut % bytes.length);
          }),
        ),
        (bytes) => {
          seen.add(outcome(bytes));
        },
      ),
      { numRuns: 2_000 },
    );
    // Both happen: the property is not met by refusing everything, nor by never looking.
    expect(seen).toEqual(new Set(['decoded', 'refused']));
  });

  it('keeps 64-bit revisions and positions whole, and writes structured ids as the client does', () => {
    const bytes = bytesOfAnswer({
      kind: 'event',
      event: {
        id: { most: -1n, least: 0x0123456789abcdefn },
        stream: 's',
        revision: 2n ** 63n - 1n,
        prepare: 2n ** 64n - 1n,
        commit: 2n ** 53n + 1n,
        entries: [
          ['type', 'Added'],
          ['content-type', 'application/json'],
        ],
        customMetadata: utf8.encode('{"a":1}'),
        data: utf8.encode('{"n":1}'),
      },
      link: undefined,
      position: 2n ** 64n - 2n,
    });
    const resolved = toResolved(ReadResponse.decode(Buffer.from(bytes)).getEvent() as WireReadEvent);
    expect(resolved).toEqual({
      event: {
        streamId: 's',
        id: 'ffffffff-ffff-ffff-0123-456789abcdef',
        revision: 2n ** 63n - 1n,
        type: 'Added',
        isJson: true,
        data: { n: 1 },
        metadata: { a: 1 },
        position: { commit: 2n ** 53n + 1n, prepare: 2n ** 64n - 1n },
      },
      commitPosition: 2n ** 64n - 2n,
    });
  });
});
