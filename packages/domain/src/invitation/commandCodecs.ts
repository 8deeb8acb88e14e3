import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { commandCodec as command } from '../shared/commandCodec.js';
import { decodeWith, type DecodeFailed } from '../shared/decoding.js';
import { plainData } from '../shared/plainData.js';
import { EmailCodec, UserIdCodec } from '../shared/ids.js';
import { byType, record } from '../paymentProfile/codecKit.js';
import { ProfileIdCodec } from '../paymentProfile/ids.js';
import { EmailPreferenceCodec, PermissionCodec } from '../paymentProfile/valueCodecs.js';
import type {
  AcceptInvitation,
  CancelInvitation,
  DeclineInvitation,
  ExpireInvitation,
  InvitationCommand,
  IssueInvitation,
  ResendInvitation,
} from './commands.js';
import { InvitationIdCodec } from './ids.js';

/** Codec for {@link IssueInvitation}. */
export const IssueInvitationCodec: t.Type<IssueInvitation, unknown> = command(
  'IssueInvitation',
  record(
    {
      invitationId: InvitationIdCodec,
      profileId: ProfileIdCodec,
      email: EmailCodec,
      permissions: t.readonlyArray(PermissionCodec),
      emailPreference: EmailPreferenceCodec,
      issuedBy: UserIdCodec,
    },
    { name: t.string },
  ),
);

/** Codec for {@link ResendInvitation}. */
export const ResendInvitationCodec: t.Type<ResendInvitation, unknown> = command(
  'ResendInvitation',
  record({ requestedBy: UserIdCodec }, {}),
);

/** Codec for {@link AcceptInvitation}. */
export const AcceptInvitationCodec: t.Type<AcceptInvitation, unknown> = command(
  'AcceptInvitation',
  record({ hasAccount: t.boolean }, {}),
);

/** Codec for {@link ExpireInvitation}. */
export const ExpireInvitationCodec: t.Type<ExpireInvitation, unknown> = command(
  'ExpireInvitation',
  t.strict({}),
);

/** Codec for {@link CancelInvitation}. */
export const CancelInvitationCodec: t.Type<CancelInvitation, unknown> = command(
  'CancelInvitation',
  record({ requestedBy: UserIdCodec }, {}),
);

/** Codec for {@link DeclineInvitation}. */
export const DeclineInvitationCodec: t.Type<DeclineInvitation, unknown> = command(
  'DeclineInvitation',
  t.strict({}),
);

const commandCodecs = {
  IssueInvitation: IssueInvitationCodec,
  ResendInvitation: ResendInvitationCodec,
  AcceptInvitation: AcceptInvitationCodec,
  ExpireInvitation: ExpireInvitationCodec,
  CancelInvitation: CancelInvitationCodec,
  DeclineInvitation: DeclineInvitationCodec,
} as const;

/** The type names of every invitation command. */
export const invitationCommandTypes = Object.keys(commandCodecs) as ReadonlyArray<InvitationCommand['type']>;

/** Codec for any {@link InvitationCommand}: reads `type` first, then decodes with that command's codec. */
export const InvitationCommandCodec: t.Type<InvitationCommand, unknown> = plainData(
  byType<InvitationCommand>('InvitationCommand', commandCodecs),
);

/**
 * Decodes an incoming command: a missing or unknown `type` is a problem at `type` listing the known ones; otherwise
 * that command's codec names the path and reason of each problem (`data.hasAccount`). Never throws.
 */
export const decodeInvitationCommand: (input: unknown) => E.Either<DecodeFailed, InvitationCommand> =
  decodeWith(InvitationCommandCodec, 'InvitationCommand');
