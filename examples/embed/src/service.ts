// docs/embed.md quotes this file: Dossier inside a service, from commands that arrive as JSON to a permission check.
// #region service
import * as E from 'fp-ts/lib/Either.js';
import { createDossier, openStore } from '@dossier/app';
import {
  decodeInvitationCommand,
  decodePaymentProfileCommand,
  InvitationIdCodec,
  invitationStream,
  paymentProfileStream,
  ProfileIdCodec,
} from '@dossier/domain';

/** The value of a Right, or an Error naming the Left: your service's own error handling goes here. */
const ok = <A>(result: E.Either<unknown, A>): A => {
  if (E.isRight(result)) return result.right;
  throw new Error(JSON.stringify(result.left, (_, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)));
};

/** Creates a profile, invites Ana, lets her accept, then asks the permission matrix (RM-2) what she may do. */
export const anaMayPurchase = async (location: string): Promise<boolean> => {
  const { store } = ok(await openStore(location)()); // sqlite:<path>, or esdb://… with @eventstore/db-client
  const dossier = createDossier({ store });
  ok(await dossier.start()); // from here the read models and the invitation flow run in the background
  try {
    const sari = { id: 'u-sari', email: 'sari@example.com' }; // who asks comes from your sign-in
    const ana = { id: 'u-ana', email: 'ana@example.com' };
    const profileId = ok(ProfileIdCodec.decode('acme')); // ids are yours to make
    const invitationId = ok(InvitationIdCodec.decode('inv-ana'));
    const toProfile = async (json: unknown) => {
      const command = ok(decodePaymentProfileCommand(json)); // untrusted JSON in, a typed command out
      ok(await dossier.execute('paymentProfile', paymentProfileStream(profileId), command)());
    };
    const profile = { profileId, kind: 'business', seller: false, name: 'Acme Ltd' };
    await toProfile({ type: 'CreateProfile', at: '2026-03-02T09:00:00Z', actor: sari, data: profile });
    const invite = { invitationId, email: ana.email, permissions: ['purchase'], emailPreference: 'all' };
    await toProfile({ type: 'InviteUser', at: '2026-03-02T09:05:00Z', actor: sari, data: invite });
    await dossier.waitUntilCaughtUp(); // the flow issues the Invitation asynchronously: wait before accepting

    const accept = { type: 'AcceptInvitation', at: '2026-03-03T10:00:00Z', actor: ana, data: { hasAccount: true } };
    const command = ok(decodeInvitationCommand(accept));
    ok(await dossier.execute('invitation', invitationStream(invitationId), command)());
    await dossier.waitUntilCaughtUp(); // the flow makes Ana a user of the profile, then RM-2 folds that in
    return ok(dossier.permissionMatrix()).can(profileId, ana.id, 'purchase');
  } finally {
    await dossier.stop();
    await store.close();
  }
};
// #endregion service
