// The permission lattice of a payment profile: `admin` above everything, and a granting ceiling that lets a user
// give only what they hold and manage only users whose permissions their own cover.
import { covers, holds, offers, type Actor, type Permission } from '@dossier/domain';
import { dispatch, inviteAndAccept, toProfile } from './invitationFlow.js';
import { anotherInvitation, citra, dewi, eko, friday } from './people.js';

// #region lattice
/** What the lattice answers, by name. */
export const latticeFacts = {
  adminHoldsEverything: holds(['admin'], 'manage-purchase-orders'), // true: a role, not a list
  managerCoversRead: covers(['read', 'manage-users'], ['read']), // true
  managerCoversPurchase: covers(['read', 'manage-users'], ['purchase']), // false: above the ceiling
  businessOffersEditProfile: offers({ kind: 'business', seller: false }, 'edit-profile'), // false (PP-3)
  sellerOffersPurchaseOrders: offers({ kind: 'business', seller: true }, 'read-purchase-orders'), // true
};
// #endregion lattice

// #region ceiling
/** Citra holds `read` and `manage-users`: she may invite a reader, not a buyer. */
export const citraInvites = (): ReadonlyArray<string> => {
  const world = inviteAndAccept();
  world.log.length = 0;
  const invite = (who: Actor, id: string, permissions: ReadonlyArray<Permission>) =>
    dispatch(
      world,
      toProfile({
        type: 'InviteUser',
        at: friday(48),
        actor: citra,
        data: { invitationId: anotherInvitation(id), email: who.email, permissions, emailPreference: 'none' },
      }),
    );
  invite(dewi, 'inv-8', ['read']);
  invite(eko, 'inv-9', ['purchase']); // PP-5: refused with GrantExceedsCeiling
  return world.log;
};
// #endregion ceiling
