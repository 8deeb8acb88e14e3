import * as E from 'fp-ts/lib/Either.js';
import { dossierSchema } from '@dossier/app';
import { handle, type Decider, type CommandShape, type ErrorShape, type EventShape } from '@dossier/core';
import {
  invitation,
  invitationStream,
  paymentProfile,
  paymentProfileStream,
  supportCase,
  supportCaseStream,
  systemActor,
  type Actor,
  type CaseId,
  type CustomerId,
  type Email,
  type Instant,
  type InvitationId,
  type OpenCase,
  type ProfileId,
  type UserId,
} from '@dossier/domain';
import { openSqliteStore, type SqliteEventStore } from '@dossier/store-sqlite';

const actor = (id: string, email: string): Actor => ({ id: id as UserId, email: email as Email });
/** The people of the fixture. */
export const owner = actor('user-owner', 'owner@acme.example');
export const newcomer = actor('user-newcomer', 'newcomer@acme.example');
export const agent = actor('agent-1', 'agent1@support.example');
/** Invited by the newcomer at the end, and still pending. */
export const auditor = 'auditor@acme.example' as Email;
const globexAdmin = actor('user-globex', 'admin@globex.example');

/** The fixture's streams. */
export const profileStream = paymentProfileStream('acme' as ProfileId);
export const invitationOfNewcomer = invitationStream('inv-1' as InvitationId);
export const urgentCase = supportCaseStream('c1' as CaseId);
export const routineCase = supportCaseStream('c2' as CaseId);

/**
 * When each command is recorded (the store's clock) — every command is decided one minute earlier (its `at`),
 * so that the two clocks differ visibly.
 */
export const recorded = {
  profileCreated: '2026-03-02T09:00:00.000Z',
  urgentOpened: '2026-03-02T10:00:00.000Z',
  userInvited: '2026-03-03T10:00:00.000Z',
  invitationIssued: '2026-03-03T10:05:00.000Z',
  routineOpened: '2026-03-03T11:00:00.000Z',
  routineStarted: '2026-03-03T12:00:00.000Z',
  invitationAccepted: '2026-03-04T08:00:00.000Z',
  userActivated: '2026-03-04T08:01:00.000Z',
  permissionsChanged: '2026-03-05T12:00:00.000Z',
  auditorInvited: '2026-03-06T09:00:00.000Z',
} as const;

const minuteBefore = (iso: string): Instant => new Date(Date.parse(iso) - 60_000).toISOString() as Instant;

const openCase = (
  caseId: string,
  by: Actor,
  customer: string,
  at: Instant,
  impact: OpenCase['data']['impact'],
  subject: string,
): OpenCase => ({
  type: 'OpenCase',
  at,
  actor: by,
  data: {
    caseId: caseId as CaseId,
    customer: { id: customer as CustomerId, plan: 'pro', paidAddOns: [], offeredChannels: [] },
    requester: { organisationRole: 'administrator', registeredEmail: by.email },
    channel: 'web',
    topic: { category: 'billing' },
    subject,
    impact,
    premium: false,
  },
});

const impact = (p1: boolean): OpenCase['data']['impact'] => ({
  usersAffected: p1 ? 20 : 1,
  serviceUnavailable: p1,
  widespreadMailDelay: false,
  breaksCollaboration: false,
  workaroundExists: !p1,
  functionNeeded: true,
});

/** How many events {@link fillStore} records. */
export const fixtureEventCount = 10;

/**
 * Fills a new SQLite store at `path` through core's `handle` with the real deciders: the Acme business
 * profile inviting and activating a newcomer who then invites an auditor (pending), and two support cases (a P1 left unanswered, a P3 answered).
 */
export const fillStore = async (path: string): Promise<void> => {
  let clock: string = recorded.profileCreated;
  const opened = await openSqliteStore({ path, schema: dossierSchema, clock: () => clock })();
  if (E.isLeft(opened)) throw new Error(opened.left.cause);
  const store: SqliteEventStore = opened.right;
  let count = 0;
  const send = async <
    C extends CommandShape & { readonly actor: Actor },
    S,
    Ev extends EventShape,
    Err extends ErrorShape,
  >(
    at: string,
    decider: Decider<C, S, Ev, Err>,
    stream: string,
    command: C,
  ): Promise<void> => {
    clock = at;
    count += 1;
    const result = await handle(store, decider, {
      stream,
      command,
      context: { commandId: `cmd-${count}`, actor: command.actor.id },
    })();
    if (E.isLeft(result))
      throw new Error(`fixture command ${command.type} refused: ${JSON.stringify(result.left)}`);
  };
  const t = (key: keyof typeof recorded) => [recorded[key], minuteBefore(recorded[key])] as const;
  try {
    const [r0, a0] = t('profileCreated');
    await send(r0, paymentProfile, profileStream, {
      type: 'CreateProfile',
      at: a0,
      actor: owner,
      data: { profileId: 'acme' as ProfileId, kind: 'business', seller: false, name: 'Acme Ltd' },
    });
    const [r1, a1] = t('urgentOpened');
    await send(
      r1,
      supportCase,
      urgentCase,
      openCase('c1', owner, 'acme', a1, impact(true), 'Nobody can sign in'),
    );
    const [r2, a2] = t('userInvited');
    await send(r2, paymentProfile, profileStream, {
      type: 'InviteUser',
      at: a2,
      actor: owner,
      data: {
        invitationId: 'inv-1' as InvitationId,
        email: newcomer.email,
        permissions: ['read', 'purchase'],
        emailPreference: 'administrative',
      },
    });
    const [r3, a3] = t('invitationIssued');
    await send(r3, invitation, invitationOfNewcomer, {
      type: 'IssueInvitation',
      at: a3,
      actor: systemActor,
      data: {
        invitationId: 'inv-1' as InvitationId,
        profileId: 'acme' as ProfileId,
        email: newcomer.email,
        permissions: ['read', 'purchase'],
        emailPreference: 'administrative',
        issuedBy: owner.id,
      },
    });
    const [r4, a4] = t('routineOpened');
    await send(
      r4,
      supportCase,
      routineCase,
      openCase('c2', globexAdmin, 'globex', a4, impact(false), 'Invoice address'),
    );
    const [r5, a5] = t('routineStarted');
    await send(r5, supportCase, routineCase, { type: 'StartWork', at: a5, actor: agent, data: {} });
    const [r6, a6] = t('invitationAccepted');
    await send(r6, invitation, invitationOfNewcomer, {
      type: 'AcceptInvitation',
      at: a6,
      actor: newcomer,
      data: { hasAccount: true },
    });
    const [r7, a7] = t('userActivated');
    await send(r7, paymentProfile, profileStream, {
      type: 'ActivateInvitedUser',
      at: a7,
      actor: systemActor,
      data: {
        invitationId: 'inv-1' as InvitationId,
        userId: newcomer.id,
        email: newcomer.email,
        hasAccount: true,
      },
    });
    const [r8, a8] = t('permissionsChanged');
    await send(r8, paymentProfile, profileStream, {
      type: 'ChangePermissions',
      at: a8,
      actor: owner,
      data: { email: newcomer.email, permissions: ['read', 'purchase', 'manage-users'] },
    });
    const [r9, a9] = t('auditorInvited');
    await send(r9, paymentProfile, profileStream, {
      type: 'InviteUser',
      at: a9,
      actor: newcomer,
      data: {
        invitationId: 'inv-2' as InvitationId,
        email: auditor,
        permissions: ['read'],
        emailPreference: 'none',
      },
    });
  } finally {
    await store.close();
  }
};
