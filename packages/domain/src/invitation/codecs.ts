import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { decodeWith, type DecodeFailed } from '../shared/decoding.js';
import { EmailCodec, UserIdCodec } from '../shared/ids.js';
import { InstantCodec } from '../shared/instant.js';
import { byType, record } from '../paymentProfile/codecKit.js';
import { ProfileIdCodec } from '../paymentProfile/ids.js';
import { EmailPreferenceCodec, PermissionCodec } from '../paymentProfile/valueCodecs.js';
import type {
  InvitationAccepted,
  InvitationCancelled,
  InvitationDeclined,
  InvitationEvent,
  InvitationExpired,
  InvitationIssued,
  InvitationResent,
} from './events.js';
import { InvitationIdCodec } from './ids.js';

const event = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  t.strict({ type: t.literal(type), data });

/** Codec for {@link InvitationIssued}. */
export const InvitationIssuedCodec: t.Type<InvitationIssued, unknown> = event(
  'InvitationIssued',
  record(
    {
      invitationId: InvitationIdCodec,
      profileId: ProfileIdCodec,
      email: EmailCodec,
      permissions: t.readonlyArray(PermissionCodec),
      emailPreference: EmailPreferenceCodec,
      issuedBy: UserIdCodec,
      sentAt: InstantCodec,
    },
    { name: t.string },
  ),
);

/** Codec for {@link InvitationResent}. */
export const InvitationResentCodec: t.Type<InvitationResent, unknown> = event(
  'InvitationResent',
  record({ by: UserIdCodec, at: InstantCodec }, {}),
);

/** Codec for {@link InvitationAccepted}. */
export const InvitationAcceptedCodec: t.Type<InvitationAccepted, unknown> = event(
  'InvitationAccepted',
  record(
    {
      profileId: ProfileIdCodec,
      email: EmailCodec,
      by: UserIdCodec,
      hasAccount: t.boolean,
      at: InstantCodec,
    },
    {},
  ),
);

/** Codec for {@link InvitationExpired}. */
export const InvitationExpiredCodec: t.Type<InvitationExpired, unknown> = event(
  'InvitationExpired',
  record({ profileId: ProfileIdCodec, at: InstantCodec }, {}),
);

/** Codec for {@link InvitationCancelled}. */
export const InvitationCancelledCodec: t.Type<InvitationCancelled, unknown> = event(
  'InvitationCancelled',
  record({ profileId: ProfileIdCodec, by: UserIdCodec, at: InstantCodec }, {}),
);

/** Codec for {@link InvitationDeclined}. */
export const InvitationDeclinedCodec: t.Type<InvitationDeclined, unknown> = event(
  'InvitationDeclined',
  record({ profileId: ProfileIdCodec, by: UserIdCodec, at: InstantCodec }, {}),
);

const eventCodecs = {
  InvitationIssued: InvitationIssuedCodec,
  InvitationResent: InvitationResentCodec,
  InvitationAccepted: InvitationAcceptedCodec,
  InvitationExpired: InvitationExpiredCodec,
  InvitationCancelled: InvitationCancelledCodec,
  InvitationDeclined: InvitationDeclinedCodec,
} as const;

/** The type names of every invitation event. */
export const invitationEventTypes = Object.keys(eventCodecs) as ReadonlyArray<InvitationEvent['type']>;

/** Codec for any {@link InvitationEvent}: reads `type` first, then decodes with that event's codec. */
export const InvitationEventCodec: t.Type<InvitationEvent, unknown> = byType<InvitationEvent>(
  'InvitationEvent',
  eventCodecs,
);

/** Decodes a stored invitation event, naming the path and reason of each problem; never throws. */
export const decodeInvitationEvent: (input: unknown) => E.Either<DecodeFailed, InvitationEvent> = decodeWith(
  InvitationEventCodec,
  'InvitationEvent',
);
