import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { NewEvent } from '@dossier/core';

/** A fresh folder under the system temp dir; `remove` deletes it with everything SQLite left there. */
export const tempFolder = (): {
  readonly folder: string;
  readonly dbPath: string;
  readonly remove: () => void;
} => {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-sqlite-'));
  return {
    folder,
    dbPath: join(folder, 'events.db'),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
};

export const newEvent = (type: string, data: unknown = {}): NewEvent => ({
  type,
  data,
  metadata: { eventId: randomUUID() },
});

export const newEvents = (n: number, type = 'SomethingHappened'): NewEvent[] =>
  Array.from({ length: n }, (_, i) => newEvent(type, { i }));

export const right = async <A>(task: TaskEither<unknown, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected Right, got ${show(result.left)}`);
  return result.right;
};

export const left = async <L>(task: TaskEither<L, unknown>): Promise<L> => {
  const result = await task();
  if (E.isRight(result)) throw new Error(`expected Left, got Right ${show(result.right)}`);
  return result.left;
};

const show = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
