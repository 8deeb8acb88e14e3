import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { CreateProfile, ProfileDetailsChanges, UpdateProfileDetails } from '../commands.js';
import {
  nameRequired,
  notAllowedToEditProfile,
  profileAlreadyExists,
  sellerNeedsBusinessProfile,
} from '../errors.js';
import { holds } from '../permissions.js';
import { adminsOf, type PaymentProfileState, type ProfileDetails } from '../state.js';
import { acting, created, type Decision } from './context.js';

const blank = (text: string): boolean => text.trim() === '';

// PP-10, PP-6, PP-9: the creator becomes the first admin and the primary contact, with all e-mail (see evolve).
export const createProfile = (c: CreateProfile, state: PaymentProfileState): Decision => {
  if (state.status !== 'absent') return E.left(profileAlreadyExists(state.profileId));
  if (c.data.seller && c.data.kind !== 'business') return E.left(sellerNeedsBusinessProfile); // PP-1
  if (blank(c.data.name)) return E.left(nameRequired);
  return E.right([
    { type: 'ProfileCreated', data: { ...c.data, by: c.actor.id, email: c.actor.email, at: c.at } },
  ]);
};

const sameList = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/** The fields of `changes` that differ from the current details; a change to the same value is no change. */
const differences = (details: ProfileDetails, changes: ProfileDetailsChanges): ProfileDetailsChanges => ({
  ...(changes.name !== undefined && changes.name !== details.name ? { name: changes.name } : {}),
  ...(changes.address !== undefined && changes.address !== details.address
    ? { address: changes.address }
    : {}),
  ...(changes.taxNumber !== undefined && changes.taxNumber !== details.taxNumber
    ? { taxNumber: changes.taxNumber }
    : {}),
  ...(changes.language !== undefined && changes.language !== details.language
    ? { language: changes.language }
    : {}),
  ...(changes.paymentMethods !== undefined && !sameList(changes.paymentMethods, details.paymentMethods)
    ? { paymentMethods: changes.paymentMethods }
    : {}),
});

// PP-2: admins and edit-profile holders change the details (admin holds edit-profile, which business profiles do not
// offer, so there it is admins only); every change notifies the admins by e-mail, recorded as AdminsNotified.
export const updateProfileDetails = (c: UpdateProfileDetails, state: PaymentProfileState): Decision =>
  pipe(
    created(state),
    E.chain((profile) => acting(profile, c.actor)),
    E.filterOrElse(
      ({ user }) => holds(user.permissions, 'edit-profile'),
      () => notAllowedToEditProfile(c.actor.id),
    ),
    E.filterOrElse(
      () => c.data.changes.name === undefined || !blank(c.data.changes.name),
      () => nameRequired,
    ),
    E.map(({ profile }) => {
      const changes = differences(profile.details, c.data.changes);
      if (Object.keys(changes).length === 0) return []; // nothing changes, nobody is notified
      const by = c.actor.id;
      return [
        { type: 'ProfileDetailsChanged', data: { changes, by, at: c.at } },
        { type: 'AdminsNotified', data: { recipients: adminsOf(profile), change: changes, by, at: c.at } },
      ] as const;
    }),
  );
