import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Decider } from '../../decider.js';
import { eventSchema, type EventSchema } from '../../store/schema.js';
import type { W1Command, W2Command } from './spec.js';

// WORKLOAD.md's two aggregates written as Dossier deciders, with io-ts codecs for their events, as a user of the
// library writes them: pure `decide` and `evolve`, refusals as values.

const CaseOpenedCodec = t.strict({
  type: t.literal('CaseOpened'),
  data: t.strict({
    caseId: t.string,
    customerId: t.string,
    priority: t.keyof({ P1: null, P2: null, P3: null, P4: null }),
    channel: t.keyof({ phone: null, chat: null, email: null }),
    subject: t.string,
    openedAt: t.string,
  }),
});
const FirstResponseSentCodec = t.strict({
  type: t.literal('FirstResponseSent'),
  data: t.strict({ agentId: t.string, at: t.string }),
});
const CaseResolvedCodec = t.strict({
  type: t.literal('CaseResolved'),
  data: t.strict({ resolution: t.string, at: t.string }),
});

/** A W1 event. */
export type CaseEvent =
  | t.TypeOf<typeof CaseOpenedCodec>
  | t.TypeOf<typeof FirstResponseSentCodec>
  | t.TypeOf<typeof CaseResolvedCodec>;

/** A W1 case's state. */
export interface CaseState {
  readonly status: 'none' | 'open' | 'resolved';
  readonly responded: boolean;
}

/** Why W1 refuses a command. */
export interface CaseRefused {
  readonly _tag: 'CaseAlreadyExists' | 'CannotRespond' | 'CannotResolve';
}

const refuse = (_tag: CaseRefused['_tag']): E.Either<CaseRefused, never> => E.left({ _tag });

/** W1's support case. */
export const supportCase: Decider<W1Command, CaseState, CaseEvent, CaseRefused> = {
  initialState: { status: 'none', responded: false },
  decide: (c, s) => {
    switch (c.type) {
      case 'OpenCase':
        if (s.status !== 'none') return refuse('CaseAlreadyExists');
        return E.right([
          {
            type: 'CaseOpened',
            data: {
              caseId: c.caseId,
              customerId: c.customerId,
              priority: c.priority as 'P1',
              channel: c.channel as 'phone',
              subject: c.subject,
              openedAt: c.at,
            },
          },
        ]);
      case 'RespondToCase':
        if (s.status !== 'open' || s.responded) return refuse('CannotRespond');
        return E.right([{ type: 'FirstResponseSent', data: { agentId: c.agentId, at: c.at } }]);
      case 'ResolveCase':
        if (s.status !== 'open') return refuse('CannotResolve');
        return E.right([{ type: 'CaseResolved', data: { resolution: c.resolution, at: c.at } }]);
    }
  },
  evolve: (s, e) => {
    switch (e.type) {
      case 'CaseOpened':
        return { status: 'open', responded: false };
      case 'FirstResponseSent':
        return { ...s, responded: true };
      case 'CaseResolved':
        return { ...s, status: 'resolved' };
    }
  },
};

/** The store schema of W1's events. */
export const supportCaseSchema: EventSchema = eventSchema({
  CaseOpened: { codec: CaseOpenedCodec },
  FirstResponseSent: { codec: FirstResponseSentCodec },
  CaseResolved: { codec: CaseResolvedCodec },
});

const PermissionData = t.strict({ userId: t.string, permission: t.string });
const PermissionGrantedCodec = t.strict({ type: t.literal('PermissionGranted'), data: PermissionData });
const PermissionRevokedCodec = t.strict({ type: t.literal('PermissionRevoked'), data: PermissionData });

/** A W2 event. */
export type ProfileEvent = t.TypeOf<typeof PermissionGrantedCodec> | t.TypeOf<typeof PermissionRevokedCodec>;

/** W2's state: who holds which permissions. */
export type ProfileState = ReadonlyMap<string, ReadonlySet<string>>;

/** W2's only refusal. */
export interface AlreadyGranted {
  readonly _tag: 'AlreadyGranted';
}

const withHeld = (s: ProfileState, userId: string, change: (held: Set<string>) => void): ProfileState => {
  const held = new Set(s.get(userId));
  change(held);
  return new Map(s).set(userId, held);
};

/** W2's payment profile. Its evolve copies what it changes, as a decider's must. */
export const paymentProfile: Decider<W2Command, ProfileState, ProfileEvent, AlreadyGranted> = {
  initialState: new Map(),
  decide: (c, s) =>
    s.get(c.userId)?.has(c.permission) === true
      ? E.left({ _tag: 'AlreadyGranted' })
      : E.right([{ type: 'PermissionGranted', data: { userId: c.userId, permission: c.permission } }]),
  evolve: (s, e) =>
    e.type === 'PermissionGranted'
      ? withHeld(s, e.data.userId, (held) => held.add(e.data.permission))
      : s.get(e.data.userId)?.has(e.data.permission) === true
        ? withHeld(s, e.data.userId, (held) => held.delete(e.data.permission))
        : s,
};

/** The store schema of W2's events. */
export const paymentProfileSchema: EventSchema = eventSchema({
  PermissionGranted: { codec: PermissionGrantedCodec },
  PermissionRevoked: { codec: PermissionRevokedCodec },
});

/** W2's state as JSON for snapshots: each user with the permissions held, in insertion order. */
export const ProfileStateCodec = new t.Type<
  ProfileState,
  ReadonlyArray<readonly [string, ReadonlyArray<string>]>
>(
  'ProfileState',
  (u): u is ProfileState => u instanceof Map,
  (u, c) => {
    const decoded = t.readonlyArray(t.tuple([t.string, t.readonlyArray(t.string)])).validate(u, c);
    return E.isLeft(decoded)
      ? decoded
      : t.success(new Map(decoded.right.map(([user, held]) => [user, new Set(held)] as const)));
  },
  (state) => [...state].map(([user, held]) => [user, [...held]] as const),
);
