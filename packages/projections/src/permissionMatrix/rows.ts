import type { ProfileId } from '@dossier/domain';
import type { MatrixPendingUser, MatrixProfile, MatrixUser } from './state.js';

/**
 * The matrix's rows: a profile's own fields under `profiles`, which profile each stream belongs to under `streams`,
 * and one row per active user (by e-mail) and per pending invitee (by invitation) in the profile's own groups. A
 * user or invitee row remembers the position it was added at, so that they are listed in the order they came.
 */
export const profilesGroup = 'profiles';
export const streamsGroup = 'streams';
export const usersGroup = (profileId: ProfileId): string => `users:${profileId}`;
export const pendingGroup = (profileId: ProfileId): string => `pending:${profileId}`;

/** A profile's row: everything but its users and invitees, which have rows of their own. */
export type ProfileRow = Omit<MatrixProfile, 'users' | 'pending'>;

/** An active user's row. */
export interface UserRow {
  /** The global position of the event that added the user, zero-padded so that text order is log order. */
  readonly since: string;
  readonly user: MatrixUser;
}

/** A pending invitee's row. */
export interface PendingRow {
  readonly since: string;
  readonly pending: MatrixPendingUser;
}

/** A position as a fixed-width decimal, so that comparing the text compares the numbers. */
export const positionText = (position: bigint): string => position.toString().padStart(20, '0');

const bySince = (a: { readonly since: string }, b: { readonly since: string }): number =>
  a.since < b.since ? -1 : a.since > b.since ? 1 : 0;

/** Rows in the order they were added. */
export const inArrival = <R extends { readonly since: string }>(
  rows: ReadonlyArray<unknown>,
): ReadonlyArray<R> => [...(rows as ReadonlyArray<R>)].sort(bySince);
