import {
  invitationExpiresAt,
  type InvitationAccepted,
  type InvitationCancelled,
  type InvitationDeclined,
  type InvitationEvent,
  type InvitationExpired,
  type InvitationIssued,
  type InvitationResent,
} from '@dossier/domain';
import { absurd } from 'fp-ts/lib/function.js';

const permissionList = (permissions: ReadonlyArray<string>): string =>
  permissions.length === 0 ? 'none (e-mail only)' : permissions.join(', ');

const invitationIssued = ({ data }: InvitationIssued): string =>
  `Invitation ${data.invitationId} to ${data.name === undefined ? data.email : `${data.name} <${data.email}>`} issued for profile ${data.profileId} by ${data.issuedBy}, with permissions ${permissionList(data.permissions)} and e-mail preference ${data.emailPreference}; sent ${data.sentAt}, expires ${invitationExpiresAt(data.sentAt)}`;

const invitationResent = ({ data }: InvitationResent): string =>
  `Invitation sent again at the request of ${data.by}; now expires ${invitationExpiresAt(data.at)}`;

const invitationAccepted = ({ data }: InvitationAccepted): string =>
  `Invitation accepted by ${data.by} signed in as ${data.email} (${data.hasAccount ? 'with an account' : 'without an account'}) for profile ${data.profileId}`;

const invitationExpired = ({ data }: InvitationExpired): string =>
  `Invitation expired unaccepted, 14 days after its last sending, for profile ${data.profileId}; final`;

const invitationCancelled = ({ data }: InvitationCancelled): string =>
  `Invitation cancelled at the request of ${data.by} for profile ${data.profileId}; final`;

const invitationDeclined = ({ data }: InvitationDeclined): string =>
  `Invitation declined by the invitee ${data.by} for profile ${data.profileId}; final`;

/** What an invitation event changed, in plain English for an auditor. */
export const describeInvitationEvent = (event: InvitationEvent): string => {
  switch (event.type) {
    case 'InvitationIssued':
      return invitationIssued(event);
    case 'InvitationResent':
      return invitationResent(event);
    case 'InvitationAccepted':
      return invitationAccepted(event);
    case 'InvitationExpired':
      return invitationExpired(event);
    case 'InvitationCancelled':
      return invitationCancelled(event);
    case 'InvitationDeclined':
      return invitationDeclined(event);
    default:
      return absurd(event);
  }
};
