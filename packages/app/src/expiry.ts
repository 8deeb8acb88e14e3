import * as E from 'fp-ts/lib/Either.js';
import type * as T from 'fp-ts/lib/Task.js';
import type { EventStore } from '@dossier/core';
import {
  invitationStream,
  toMillis,
  type Actor,
  type Email,
  type ExpireInvitation,
  type Instant,
  type InvitationId,
  type UserId,
} from '@dossier/domain';
import type { PendingInvitationsQueries } from '@dossier/projections';
import type { DossierDeciders } from './aggregates.js';
import { execute, type ExecuteError } from './execute.js';

/** The actor the expiry scheduler issues `ExpireInvitation` as. */
export const expiryScheduler: Actor = {
  id: 'system:expiry-scheduler' as UserId,
  email: 'expiry-scheduler@system.dossier.invalid' as Email,
};

/** One expiry the scheduler is due to issue: the command, its stream and its deterministic id. */
export interface DueExpiry {
  readonly invitationId: InvitationId;
  readonly stream: ReturnType<typeof invitationStream>;
  readonly commandId: string;
  readonly command: ExpireInvitation;
}

/**
 * The id of the expiry of one invitation's sending window: the same for every run of the scheduler over that window
 * (IN-2), a new one once a resend has opened another (IN-3).
 */
export const expiryCommandId = (invitationId: InvitationId, lastSentAt: Instant): string =>
  `expireInvitation:${invitationId}:${lastSentAt}`;

/**
 * The expiries due at `now` by the pending-invitations view (RM-3): every invitation whose 14 days since its last
 * sending are over. Each command is stamped with the instant the invitation expired, not with `now`, so that any run
 * over the same window issues exactly the same command under the same id, and so expires once.
 */
export const dueExpiries = (view: PendingInvitationsQueries, now: Instant): ReadonlyArray<DueExpiry> =>
  view
    .list()
    .filter((pending) => toMillis(pending.expiresAt) <= toMillis(now))
    .map((pending) => ({
      invitationId: pending.invitationId,
      stream: invitationStream(pending.invitationId),
      commandId: expiryCommandId(pending.invitationId, pending.lastSentAt),
      command: { type: 'ExpireInvitation', at: pending.expiresAt, actor: expiryScheduler, data: {} },
    }));

/** What the scheduler did with one due expiry. */
export type ExpiryOutcome =
  | { readonly kind: 'expired'; readonly due: DueExpiry }
  /** An earlier run (or a state the view had not caught up with) had expired it already: nothing recorded. */
  | { readonly kind: 'unchanged'; readonly due: DueExpiry }
  /** The invitation refused (resent, accepted, cancelled meanwhile) or the store failed. */
  | { readonly kind: 'failed'; readonly due: DueExpiry; readonly error: ExecuteError<'invitation'> };

/** Issues every expiry due at `now` by the view, one by one; never throws, and never reads the clock. */
export const expireDue =
  (
    store: EventStore,
    deciders: DossierDeciders,
    view: PendingInvitationsQueries,
    now: Instant,
  ): T.Task<ReadonlyArray<ExpiryOutcome>> =>
  async () => {
    const outcomes: ExpiryOutcome[] = [];
    for (const due of dueExpiries(view, now)) {
      const handled = await execute(store, deciders, 'invitation', due.stream, due.command, {
        commandId: due.commandId,
      })();
      outcomes.push(
        E.isLeft(handled)
          ? { kind: 'failed', due, error: handled.left }
          : {
              kind: handled.right.repeated || handled.right.events.length === 0 ? 'unchanged' : 'expired',
              due,
            },
      );
    }
    return outcomes;
  };
