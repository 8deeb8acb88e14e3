import { fold, replayProjection, type Recorded, type RecordedEvent } from '@dossier/core';
import { invitation, invitationEventTypes, toMillis, type InvitationEvent } from '@dossier/domain';
import { pendingInvitations, permissionMatrix } from '../../src/index.js';
import { subscribed } from './record.js';

const fourteenDays = 14 * 86_400_000;

/** The invitation events of a log, grouped by stream in log order. */
export const invitationStreams = (
  events: ReadonlyArray<RecordedEvent>,
): Readonly<Record<string, ReadonlyArray<Recorded<InvitationEvent>>>> => {
  const streams: Record<string, Recorded<InvitationEvent>[]> = {};
  for (const event of events) {
    if (!(invitationEventTypes as ReadonlyArray<string>).includes(event.type)) continue;
    (streams[event.stream] ??= []).push(event as Recorded<InvitationEvent>);
  }
  return streams;
};

/**
 * RM-3 against the aggregates: rebuilds the view from the log and folds each invitation from its own stream, then lists
 * every way they disagree (empty when they agree): exactly the pending invitations are listed, each with its details
 * and an expiry 14 days after its last sending (IN-2, IN-3). Also RM-3 against RM-2: an invitation still pending is
 * shown pending on its profile (PP-8). Works on any log, including one read back from a store.
 */
export const pendingDisagreements = (events: ReadonlyArray<RecordedEvent>): ReadonlyArray<string> => {
  const view = pendingInvitations.query(
    replayProjection(pendingInvitations, subscribed(pendingInvitations, events)),
  );
  const matrix = permissionMatrix.query(
    replayProjection(permissionMatrix, subscribed(permissionMatrix, events)),
  );
  const problems: string[] = [];
  const listed = new Map(view.list().map((i) => [i.invitationId as string, i]));
  let pending = 0;
  for (const [stream, streamEvents] of Object.entries(invitationStreams(events))) {
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
