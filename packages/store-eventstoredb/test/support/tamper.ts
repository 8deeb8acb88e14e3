// The conformance suite damages a stored event in place (same stream, revision and position), which no
// EventStoreDB client can do: events are immutable. Against the protocol test server it is done in its
// storage, through the arrays its `log` and `streamEvents` hand out; against a real server it cannot be
// done at all, and those tests are not registered.
import type { Corruption } from '@dossier/core/testing';
import type { RecordedEvent, Store } from '@dossier/eventstoredb-test-server';

const utf8 = new TextEncoder();

const damaged = (record: RecordedEvent, how: Corruption): RecordedEvent => {
  switch (how.kind) {
    case 'garble-data':
      // Still marked JSON, so the client hands the unparsable text back as a string.
      return { ...record, data: utf8.encode('{"amount": 1, garbled') };
    case 'unknown-type':
      return { ...record, type: how.type };
    case 'edit-data':
      return { ...record, data: utf8.encode(JSON.stringify(how.data)) };
  }
};

/** Replaces the event at `revision` of `stream` in the test server's storage, keeping its place. */
export const tamper = (store: Store, stream: string, revision: bigint, how: Corruption): void => {
  const events = store.streamEvents(stream) as RecordedEvent[];
  const index = events.findIndex((record) => record.revision === revision);
  const record = events[index];
  if (record === undefined) throw new Error(`no event ${stream}@${revision} to damage`);
  const replacement = damaged(record, how);
  events[index] = replacement;
  const log = store.log as RecordedEvent[];
  log[log.indexOf(record)] = replacement;
};
