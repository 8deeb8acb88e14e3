// The README's example, run by readme.test.ts.
// #region example
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { openSqliteStore } from '@dossier/store-sqlite';

const path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'events.db');
const opened = await openSqliteStore({ path })(); // Either<StoreUnavailable, store>: never throws
if (E.isLeft(opened)) throw new Error(opened.left.cause);
const store = opened.right;

const metadata = (eventId: string) => ({ eventId, commandId: eventId, actor: 'u-1' });
await store.append('note-1', 'no-stream', [
  { type: 'NoteWritten', data: { text: 'hello' }, metadata: metadata('e-1') },
])();
const late = await store.append('note-1', 'no-stream', [
  { type: 'NoteWritten', data: { text: 'again' }, metadata: metadata('e-2') },
])();
const read = await store.readStream('note-1')();
if (E.isLeft(late) && E.isRight(read)) {
  // the second writer expected an empty stream: refused, not appended
  console.log(
    late.left._tag,
    read.right.map((event) => event.data),
  ); // ConcurrencyConflict [ { text: 'hello' } ]
}
await store.close();
// #endregion example
