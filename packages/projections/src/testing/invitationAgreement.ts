import { fold, type RecordedEvent } from '@dossier/core';
import { invitation, invitationEventTypes, toMillis, type InvitationEvent } from '@dossier/domain';
import type { PendingInvitationsQueries, PermissionMatrixQueries } from '../index.js';
import { streamsOf } from './record.js';

const fourteenDays = 14 * 86_400_000;

/**
 * RM-3 against the aggregates: folds each invitation of the log from its own stream and compares the views it is given (live or `rebuilt`),
 * then lists every way they disagree (empty when they agree): exactly the pending invitations are listed, each with its
 * details and an expiry 14 days after its last sending (IN-2, IN-3). Also RM-3 against RM-2: an invitation still pending is
 * shown pending on its profile (PP-8).
 */
export const pendingDisagreements = (
  events: ReadonlyArray<RecordedEvent>,
  view: PendingInvitationsQueries,
  matrix: PermissionMatrixQueries,
): ReadonlyArray<string> => {
  const problems: string[] = [];
  const listed = new Map(view.list().map((i) => [i.invitationId as string, i]));
  let pending = 0;
  for (const [stream, streamEvents] of Object.entries(
    streamsOf<InvitationEvent>(events, invitationEventTypes),
  )) {
    const state = fold(invitation, streamEvents);
    if (state.status === 'unissued') continue;
    const shown = listed.get(state.invitationId);
    if (state.status !== 'pending') {
      if (shown !== undefined) problems.push(`${stream} is ${state.status} but listed`);
      continue;
    }
    pending += 1;
    if (shown === undefined) {
      problems.push(`${stream} is pending but not listed`);
      continue;
    }
    const expected = [state.profileId, state.email, state.permissions, state.emailPreference, state.sentAt];
    const actual = [shown.profileId, shown.email, shown.permissions, shown.emailPreference, shown.lastSentAt];
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      problems.push(
        `${stream}: shows ${JSON.stringify(actual)}, the aggregate says ${JSON.stringify(expected)}`,
      );
    if (toMillis(shown.expiresAt) !== toMillis(state.sentAt) + fourteenDays)
      problems.push(`${stream}: expires ${shown.expiresAt}, last sent ${state.sentAt}`);
    const onProfile = matrix
      .profile(state.profileId)
      ?.pending.find((p) => p.invitationId === state.invitationId);
    if (onProfile === undefined || onProfile.email !== state.email)
      problems.push(`${stream}: pending, but not pending on profile ${state.profileId}`);
  }
  if (listed.size !== pending) problems.push(`${listed.size} invitations listed, ${pending} pending`);
  return problems;
};
