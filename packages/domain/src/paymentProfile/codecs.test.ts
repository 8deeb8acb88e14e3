import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { DecodeFailed } from '../shared/decoding.js';
import {
  activateInvitedUser,
  adminsNotified,
  buyer,
  changePermissions,
  createProfile,
  emailPreferenceChanged,
  invitationCancellationRequested,
  invitationResendRequested,
  invitedUserActivated,
  inviteUser,
  owner,
  pendingUserWithdrawn,
  permissionsChanged,
  primaryContactReassigned,
  profileCreated,
  profileDetailsChanged,
  reassignPrimaryContact,
  removeUser,
  requestInvitationCancellation,
  requestInvitationResend,
  setEmailPreference,
  updateProfileDetails,
  userInvited,
  userRemoved,
  withdrawPendingUser,
} from '../testing/paymentProfileBuilders.js';
import { decodePaymentProfileCommand, paymentProfileCommandTypes } from './commandCodecs.js';
import { decodePaymentProfileEvent, PaymentProfileEventCodec, paymentProfileEventTypes } from './codecs.js';
import type { PaymentProfileCommand } from './commands.js';
import type { PaymentProfileEvent } from './events.js';

const asJson = (value: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

const oneOfEachEvent: ReadonlyArray<PaymentProfileEvent> = [
  profileCreated({ seller: true, address: 'Jl. Sudirman 1', taxNumber: '01.2', language: 'id' }),
  profileDetailsChanged({ name: 'Acme Tbk', paymentMethods: ['visa-4242', 'bank-bca'] }),
  adminsNotified([owner.email], { language: 'en' }),
  userInvited({ name: 'Nina', permissions: ['read', 'manage-purchase-orders'] }),
  invitationResendRequested(),
  invitationCancellationRequested(),
  invitedUserActivated({ name: 'Nina', hasAccount: false, permissions: [] }),
  pendingUserWithdrawn('cancelled'),
  permissionsChanged(buyer.email, ['read'], ['read', 'purchase']),
  userRemoved(buyer),
  primaryContactReassigned(owner.email, buyer.email),
  emailPreferenceChanged(buyer.email, 'none', 'all'),
];

const oneOfEachCommand: ReadonlyArray<PaymentProfileCommand> = [
  createProfile({ kind: 'individual', address: 'Jl. Thamrin 2' }),
  updateProfileDetails({ paymentMethods: [] }),
  inviteUser({ name: 'Nina' }),
  requestInvitationResend(),
  requestInvitationCancellation(),
  activateInvitedUser(),
  withdrawPendingUser('declined'),
  changePermissions(buyer.email, ['purchase']),
  removeUser(buyer.email, false),
  reassignPrimaryContact(buyer.email),
  setEmailPreference(buyer.email, 'none'),
];

const problemsOf = (result: E.Either<DecodeFailed, unknown>): DecodeFailed['problems'] => {
  if (E.isRight(result)) throw new Error(`expected a decoding failure, got ${JSON.stringify(result.right)}`);
  return result.left.problems;
};

const inviteJson = (data: Record<string, unknown>): Record<string, unknown> => {
  const json = asJson(inviteUser());
  return { ...json, data: { ...(json['data'] as Record<string, unknown>), ...data } };
};

describe('PaymentProfile', () => {
  describe('event codecs', () => {
    it('cover every event type', () => {
      expect(new Set(oneOfEachEvent.map((e) => e.type))).toEqual(new Set(paymentProfileEventTypes));
    });

    it('decode what they encode, through JSON, unchanged', () => {
      for (const event of oneOfEachEvent) {
        expect(decodePaymentProfileEvent(asJson(PaymentProfileEventCodec.encode(event)))).toEqual(
          E.right(event),
        );
      }
    });

    it('name the path of a broken stored event', () => {
      const json = asJson(userRemoved(buyer));
      const problems = problemsOf(
        decodePaymentProfileEvent({ ...json, data: { ...(json['data'] as object), at: 'yesterday' } }),
      );
      expect(problems.map((p) => p.path)).toEqual(['data.at']);
    });
  });

  describe('decoding commands', () => {
    it('accepts every command type from JSON', () => {
      expect(new Set(oneOfEachCommand.map((c) => c.type))).toEqual(new Set(paymentProfileCommandTypes));
      for (const command of oneOfEachCommand) {
        expect(decodePaymentProfileCommand(asJson(command))).toEqual(E.right(command));
      }
    });

    it('lower-cases addresses and drops unknown fields', () => {
      const decoded = decodePaymentProfileCommand(inviteJson({ email: 'Nina@Acme.Example', extra: true }));
      expect(decoded).toEqual(E.right(inviteUser({ email: 'nina@acme.example' as never })));
    });

    it('names a missing field', () => {
      const json = asJson(inviteUser());
      const data = { ...(json['data'] as Record<string, unknown>) };
      delete data['email'];
      expect(problemsOf(decodePaymentProfileCommand({ ...json, data }))).toEqual([
        { path: 'data.email', reason: 'expected an e-mail address' },
      ]);
    });

    it('names a bad e-mail address', () => {
      expect(problemsOf(decodePaymentProfileCommand(inviteJson({ email: 'not an address' })))).toEqual([
        { path: 'data.email', reason: 'expected an e-mail address' },
      ]);
    });

    it('names an unknown permission by its index and lists the known ones', () => {
      const [problem, ...rest] = problemsOf(
        decodePaymentProfileCommand(inviteJson({ permissions: ['read', 'owner'] })),
      );
      expect(rest).toEqual([]);
      expect(problem?.path).toBe('data.permissions.1');
      expect(problem?.reason).toContain('expected one of read, edit-profile');
      expect(problem?.reason).toContain('got "owner"');
    });

    it('names an unknown or missing type and lists the known types', () => {
      for (const input of [{ ...asJson(inviteUser()), type: 'GrantEverything' }, { data: {} }]) {
        const [problem, ...rest] = problemsOf(decodePaymentProfileCommand(input));
        expect(rest).toEqual([]);
        expect(problem?.path).toBe('type');
        for (const type of paymentProfileCommandTypes) expect(problem?.reason).toContain(type);
      }
    });

    it('PP-7 a removal without its confirmation field does not decode', () => {
      const json = asJson(removeUser(buyer.email));
      const data = { ...(json['data'] as Record<string, unknown>) };
      delete data['confirm'];
      expect(problemsOf(decodePaymentProfileCommand({ ...json, data })).map((p) => p.path)).toEqual([
        'data.confirm',
      ]);
    });

    it('never throws, whatever arrives', () => {
      for (const input of [
        undefined,
        null,
        42,
        'InviteUser',
        [],
        [inviteUser()],
        { type: 7 },
        { type: 'InviteUser' },
      ]) {
        expect(E.isLeft(decodePaymentProfileCommand(input))).toBe(true);
      }
    });
  });
});
