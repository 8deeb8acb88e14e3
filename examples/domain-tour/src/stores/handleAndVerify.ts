// Command handling over a store, then the hash chain: read the stream back, verify it, and see an edit detected.
import { createInMemoryStore, handle, verifyStream, type StreamVerification } from '@dossier/core';
import { invitation, invitationStream, systemActor, type IssueInvitation } from '@dossier/domain';
import * as E from 'fp-ts/lib/Either.js';
import { ana, citra, friday, invitationId, profileId } from '../people.js';
import { invitationSchema } from './schema.js';

const issue: IssueInvitation = {
  type: 'IssueInvitation',
  at: friday(1),
  actor: systemActor,
  data: {
    invitationId,
    profileId,
    email: citra.email,
    permissions: ['read'],
    emailPreference: 'administrative',
    issuedBy: ana.id,
  },
};

/** Handles the same command twice (the second is recognised by its id), then verifies the chain, intact and edited. */
export const handleAndVerify = async () => {
  // #region handle
  const store = createInMemoryStore({ schema: invitationSchema });
  const stream = invitationStream(invitationId);
  const context = { commandId: 'cmd-issue-inv-7', actor: systemActor.id };
  const first = await handle(store, invitation, { stream, command: issue, context })();
  const again = await handle(store, invitation, { stream, command: issue, context })(); // appends nothing
  // #endregion handle

  // #region verify
  const events = await store.readStream(stream)();
  const intact: StreamVerification | undefined = E.isRight(events) ? verifyStream(events.right) : undefined;
  const edited = E.isRight(events)
    ? verifyStream(
        events.right.map((e) =>
          e.revision === 0n ? { ...e, data: { ...(e.data as object), permissions: ['admin'] } } : e,
        ),
      )
    : undefined;
  // #endregion verify
  await store.close();
  return {
    firstEvents: E.isRight(first) ? first.right.events.map((e) => e.type) : [],
    repeated: E.isRight(again) && again.right.repeated,
    intact,
    edited,
  };
};
