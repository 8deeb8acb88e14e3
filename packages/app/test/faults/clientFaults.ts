// Faults made on the client's side, for a real server (EVENTSTORE_URL), where the server cannot be told to fail: an
// append whose answer is lost after the server wrote it, one never sent, one given a deadline too short to be
// answered in (the server may still write it: the outcome is truly unknown), and reads cut after a few events. A
// real server cannot be made to drop a connection, answer NotLeader or go silent from here; subscriptions are not cut.
import type { EsdbClientLike } from '@dossier/store-eventstoredb';
import type { BeforeCommand } from './run.js';
import { dice } from './workload.js';

type ClientFault = 'answerLost' | 'notSent' | 'shortDeadline' | 'readCut';

const unavailable = (): Error =>
  Object.assign(new Error('14 UNAVAILABLE: Connection dropped (injected on the client side)'), {
    type: 'unavailable',
  });

/** Fails a read after `after` events, as a dropped connection does. */
async function* cut<T>(events: AsyncIterable<T>, after: number): AsyncGenerator<T> {
  let n = 0;
  for await (const event of events) {
    if (n++ >= after) throw unavailable();
    yield event;
  }
  throw unavailable();
}

/** A client that fails as armed, and the hook that arms one fault before a command with probability `rate`. */
export const clientFaults = (
  client: EsdbClientLike,
  seed: number,
  rate: number,
): {
  readonly client: EsdbClientLike;
  readonly before: BeforeCommand;
  readonly injected: Record<string, number>;
} => {
  const roll = dice(seed);
  const armed: ClientFault[] = [];
  const injected: Record<string, number> = {};
  const take = (kinds: ReadonlyArray<ClientFault>): ClientFault | undefined => {
    const index = armed.findIndex((fault) => kinds.includes(fault));
    if (index < 0) return undefined;
    const [fault] = armed.splice(index, 1);
    if (fault !== undefined) injected[fault] = (injected[fault] ?? 0) + 1;
    return fault;
  };
  const faulty: EsdbClientLike = {
    appendToStream: async (stream, events, options) => {
      switch (take(['answerLost', 'notSent', 'shortDeadline'])) {
        case 'answerLost':
          await client.appendToStream(stream, events, options);
          throw unavailable();
        case 'notSent':
          throw unavailable();
        case 'shortDeadline':
          return client.appendToStream(stream, events, { ...options, deadline: 1 } as typeof options);
        case 'readCut':
        case undefined:
          return client.appendToStream(stream, events, options);
      }
    },
    readStream: (stream, options) => {
      const read = client.readStream(stream, options);
      return take(['readCut']) === undefined ? read : cut(read, Math.floor(roll() * 3));
    },
    readAll: (options) => {
      const read = client.readAll(options);
      return take(['readCut']) === undefined ? read : cut(read, Math.floor(roll() * 3));
    },
    subscribeToAll: (options) => client.subscribeToAll(options),
    deleteStream: (stream, options) => client.deleteStream(stream, options),
    setStreamMetadata: (stream, metadata, options) => client.setStreamMetadata(stream, metadata, options),
    getStreamMetadata: (stream) => client.getStreamMetadata(stream),
    dispose: () => client.dispose(),
  };
  const kinds: ReadonlyArray<ClientFault> = ['answerLost', 'notSent', 'shortDeadline', 'readCut'];
  const before: BeforeCommand = () => {
    if (roll() < rate) armed.push(kinds[Math.floor(roll() * kinds.length)]!);
  };
  return { client: faulty, before, injected };
};
