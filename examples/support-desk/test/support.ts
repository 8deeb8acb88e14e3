import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { openStore } from '@dossier/app';
import {
  keyed,
  replayRows,
  type EventShape,
  type EventStore,
  type AnyProjectionOf,
  type Recorded,
  type RecordedEvent,
} from '@dossier/core';
import { runDemo, type DemoReport } from '../src/index.js';

/** A demo run into a store: what it reported and what it printed. */
export interface DemoRun {
  readonly report: DemoReport;
  readonly output: string;
}

/** A fresh temporary folder for a store, and a way to remove it. */
export const tempStore = (): {
  readonly location: string;
  readonly folder: string;
  readonly remove: () => void;
} => {
  const folder = mkdtempSync(join(tmpdir(), 'support-desk-'));
  return {
    folder,
    location: `sqlite:${join(folder, '.dossier', 'events.db')}`,
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
};

/** Runs the demo in-process on `location`, capturing its output. */
export const runInto = async (
  location: string,
  relativeTo?: string,
  projections?: string,
): Promise<DemoRun> => {
  let output = '';
  const result = await runDemo({
    store: location,
    out: { write: (text: string) => (output += text) },
    ...(relativeTo === undefined ? {} : { relativeTo }),
    ...(projections === undefined ? {} : { projections }),
  });
  if (E.isLeft(result)) throw new Error(`the demo did not run: ${JSON.stringify(result.left)}`);
  return { report: result.right, output };
};

/** Opens the store again and reads its whole log. */
export const withStore = async <A>(location: string, use: (store: EventStore) => Promise<A>): Promise<A> => {
  const opened = await openStore(location)();
  if (E.isLeft(opened)) throw new Error(`cannot reopen the store: ${JSON.stringify(opened.left)}`);
  try {
    return await use(opened.right.store);
  } finally {
    await opened.right.store.close();
  }
};

/** Every event of the log, in order. */
export const readLog = async (store: EventStore): Promise<ReadonlyArray<RecordedEvent>> => {
  const page = await store.readAll({ limit: 100_000 })();
  if (E.isLeft(page)) throw new Error(`cannot read the log: ${JSON.stringify(page.left)}`);
  return page.right;
};

/** A projection folded from the stored log, independently of the demo's own runtime. */
export const fromLog = <Ev extends EventShape, Q>(
  projection: AnyProjectionOf<Ev, Q>,
  log: ReadonlyArray<RecordedEvent>,
): Q => {
  const types: ReadonlyArray<string> = projection.eventTypes;
  // The store decoded every event with the domain's codecs; those of the projection's types are its events.
  const events = log.filter((event) => types.includes(event.type)) as unknown as ReadonlyArray<Recorded<Ev>>;
  const rows = keyed(projection);
  return rows.query(replayRows(rows, events));
};
