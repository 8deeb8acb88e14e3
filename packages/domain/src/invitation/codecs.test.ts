import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { DecodeFailed } from '../shared/decoding.js';
import {
  acceptInvitation,
  cancelInvitation,
  declineInvitation,
  expireInvitation,
  invitationAccepted,
  invitationCancelled,
  invitationDeclined,
  invitationExpired,
  invitationIssued,
  invitationResent,
  issueInvitation,
  resendInvitation,
} from '../testing/invitationBuilders.js';
import { day } from '../testing/time.js';
import { decodeInvitationCommand, invitationCommandTypes } from './commandCodecs.js';
import { decodeInvitationEvent, InvitationEventCodec, invitationEventTypes } from './codecs.js';
import type { InvitationCommand } from './commands.js';
import type { InvitationEvent } from './events.js';

const asJson = (value: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

const oneOfEachEvent: ReadonlyArray<InvitationEvent> = [
  invitationIssued({ name: 'Nina', permissions: ['purchase', 'manage-users'] }),
  invitationResent(day(3)),
  invitationAccepted({ hasAccount: false }),
  invitationExpired(),
  invitationCancelled(),
  invitationDeclined(),
];
const oneOfEachCommand: ReadonlyArray<InvitationCommand> = [
  issueInvitation({ name: 'Nina', permissions: [] }),
  resendInvitation(),
  acceptInvitation({ hasAccount: false }),
  expireInvitation(),
  cancelInvitation(),
  declineInvitation(),
];

const problemsOf = (result: E.Either<DecodeFailed, unknown>): DecodeFailed['problems'] => {
  if (E.isRight(result)) throw new Error(`expected a decoding failure, got ${JSON.stringify(result.right)}`);
  return result.left.problems;
};

describe('Invitation', () => {
  describe('event codecs', () => {
    it('decode what they encode, through JSON, unchanged, for every event type', () => {
      expect(new Set(oneOfEachEvent.map((e) => e.type))).toEqual(new Set(invitationEventTypes));
      for (const event of oneOfEachEvent) {
        expect(decodeInvitationEvent(asJson(InvitationEventCodec.encode(event)))).toEqual(E.right(event));
      }
    });
  });

  describe('decoding commands', () => {
    it('accepts every command type from JSON', () => {
      expect(new Set(oneOfEachCommand.map((c) => c.type))).toEqual(new Set(invitationCommandTypes));
      for (const command of oneOfEachCommand) {
        expect(decodeInvitationCommand(asJson(command))).toEqual(E.right(command));
      }
    });

    it('names a missing field and a bad actor address', () => {
      const json = asJson(acceptInvitation());
      expect(problemsOf(decodeInvitationCommand({ ...json, data: {} }))).toEqual([
        { path: 'data.hasAccount', reason: 'expected boolean, got nothing' },
      ]);
      const actor = { ...(json['actor'] as Record<string, unknown>), email: 'newcomer-at-acme' };
      expect(problemsOf(decodeInvitationCommand({ ...json, actor }))).toEqual([
        { path: 'actor.email', reason: 'expected an e-mail address' },
      ]);
    });

    it('names an unknown permission by its index', () => {
      const json = asJson(issueInvitation());
      const data = { ...(json['data'] as Record<string, unknown>), permissions: ['fly', 'read'] };
      const problems = problemsOf(decodeInvitationCommand({ ...json, data }));
      expect(problems.map((p) => p.path)).toEqual(['data.permissions.0']);
    });

    it('names an unknown type and lists the known ones, and never throws', () => {
      const [problem] = problemsOf(
        decodeInvitationCommand({ ...asJson(acceptInvitation()), type: 'Accept' }),
      );
      expect(problem?.path).toBe('type');
      for (const type of invitationCommandTypes) expect(problem?.reason).toContain(type);
      for (const input of [undefined, null, 'AcceptInvitation', 0, [], { type: null }]) {
        expect(E.isLeft(decodeInvitationCommand(input))).toBe(true);
      }
    });
  });
});
