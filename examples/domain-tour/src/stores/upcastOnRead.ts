// Schema evolution on a real file: an event written in version 1 (by a store that knew no codecs) is read back by a
// store with the version-2 schema, and comes out upcast and decoded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@dossier/store-sqlite';
import * as E from 'fp-ts/lib/Either.js';
import { invitationSchema } from './schema.js';

const issuedInVersion1 = {
  invitationId: 'inv-7',
  profileId: 'acme',
  email: 'citra@acme.example',
  permissions: ['read'],
  issuedBy: 'u-ana',
  sentAt: '2026-03-06T10:00:00.000Z',
};

/** Writes a version-1 event, reopens the file with the current schema, and answers what a reader sees. */
export const upcastOnRead = async () => {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-tour-'));
  const path = join(folder, 'events.db');
  try {
    // #region upcastOnRead
    const before = createSqliteStore({ path }); // any JSON goes, written as version 1
    const event = {
      type: 'InvitationIssued',
      data: issuedInVersion1,
      metadata: { eventId: crypto.randomUUID() },
    };
    await before.append('invitation-inv-7', 'no-stream', [event])();
    await before.close();

    const after = createSqliteStore({ path, schema: invitationSchema });
    const read = await after.readStream('invitation-inv-7')();
    await after.close();
    // #endregion upcastOnRead
    return E.map(
      (
        events: ReadonlyArray<{
          readonly data: unknown;
          readonly metadata: { readonly schemaVersion: number };
        }>,
      ) => events.map((e) => ({ data: e.data, schemaVersion: e.metadata.schemaVersion })),
    )(read);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};
