import { fold, type Recorded, type RecordedEvent } from '@dossier/core';
import {
  paymentProfile,
  paymentProfileEventTypes,
  permissions,
  type PaymentProfileEvent,
  type PaymentProfileState,
  type Permission,
} from '@dossier/domain';
import type { PermissionMatrixQueries } from '../index.js';
import { streamsOf } from './record.js';

/** The payment-profile events of a log, grouped by stream in log order. */
export const paymentProfileStreams = (
  events: ReadonlyArray<RecordedEvent>,
): Readonly<Record<string, ReadonlyArray<Recorded<PaymentProfileEvent>>>> =>
  streamsOf<PaymentProfileEvent>(events, paymentProfileEventTypes);

type Created = Extract<PaymentProfileState, { readonly status: 'created' }>;

/** PP-3, written out again from docs/rules.md rather than taken from the domain's helpers. */
const expectedCan = (profile: Created, who: string, permission: Permission): boolean => {
  const user = profile.users.find((u) => u.userId === who || u.email === who.toLowerCase());
  if (user === undefined) return false; // pending, removed or unknown: no permission (PP-8)
  const offered =
    permission === 'edit-profile'
      ? profile.kind === 'individual'
      : permission === 'read-purchase-orders' || permission === 'manage-purchase-orders'
        ? profile.seller
        : true;
  return offered && (user.permissions.includes('admin') || user.permissions.includes(permission));
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * RM-2 against the aggregates: folds each payment profile of the log from its own stream with the domain's `evolve`
 * and compares the matrix it is given (live from a runner, or `rebuilt` from zero), then lists every way they disagree (empty when they agree): `can` for every user, pending
 * user and other person named in `people` (by id and by address) and every permission, the rows, the pending list,
 * the single primary contact (PP-6).
 */
export const matrixDisagreements = (
  events: ReadonlyArray<RecordedEvent>,
  matrix: PermissionMatrixQueries,
  people: ReadonlyArray<string> = [],
): ReadonlyArray<string> => {
  const problems: string[] = [];
  for (const [stream, streamEvents] of Object.entries(paymentProfileStreams(events))) {
    const state = fold(paymentProfile, streamEvents);
    if (state.status !== 'created') continue;
    const view = matrix.profile(state.profileId);
    if (view === undefined) {
      problems.push(`${stream}: no matrix for ${state.profileId}`);
      continue;
    }
    const expected = {
      kind: state.kind,
      seller: state.seller,
      name: state.details.name,
      primaryContact: state.primaryContact,
      users: state.users.map((u) => [u.email, u.userId, u.hasAccount, u.permissions, u.emailPreference]),
      pending: state.pending.map((p) => [
        p.invitationId,
        p.email,
        p.permissions,
        p.emailPreference,
        p.cancellationRequested,
      ]),
    };
    const shown = {
      kind: view.kind,
      seller: view.seller,
      name: view.name,
      primaryContact: view.primaryContact,
      users: view.users.map((u) => [u.email, u.userId, u.hasAccount, u.granted, u.emailPreference]),
      pending: view.pending.map((p) => [
        p.invitationId,
        p.email,
        p.permissions,
        p.emailPreference,
        p.cancellationRequested,
      ]),
    };
    for (const key of Object.keys(expected) as ReadonlyArray<keyof typeof expected>) {
      if (!same(shown[key], expected[key]))
        problems.push(
          `${stream}: ${key} is ${JSON.stringify(shown[key])}, the aggregate says ${JSON.stringify(expected[key])}`,
        );
    }
    const contacts = view.users.filter((u) => u.primaryContact).map((u) => u.email);
    if (!same(contacts, [state.primaryContact]))
      problems.push(`${stream}: primary contacts shown ${JSON.stringify(contacts)}`);
    const candidates = new Set([
      ...people,
      ...state.users.flatMap((u) => [u.userId, u.email, u.email.toUpperCase()]),
      ...state.pending.map((p) => p.email),
    ]);
    for (const who of candidates) {
      for (const permission of permissions) {
        const can = matrix.can(state.profileId, who, permission);
        if (can !== expectedCan(state, who, permission))
          problems.push(`${stream}: can(${who}, ${permission}) is ${String(can)}`);
      }
    }
  }
  return problems;
};
