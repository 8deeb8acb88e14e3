import type { PendingInvitation, ProfileMatrix } from '@dossier/projections';
import { wib } from '../calendar.js';
import { heading, type Style } from './style.js';

const kindOf = (matrix: ProfileMatrix): string =>
  matrix.kind === 'individual' ? 'individual' : matrix.seller ? 'business, seller' : 'business';

/** RM-2 for one profile: users × the permissions it offers, e-mail preferences, the primary contact and who is pending. */
export const printMatrix = (
  style: Style,
  matrix: ProfileMatrix,
  pending: ReadonlyArray<PendingInvitation>,
): string => {
  const tick = (held: boolean): string => (held ? style.green('✓') : style.dim('·'));
  const users = matrix.users.map((user) => [
    user.email + (user.primaryContact ? style.bold(' (primary contact)') : ''),
    user.emailOnly ? 'e-mail only' : user.hasAccount ? 'active' : 'active, no account',
    ...matrix.columns.map((permission) => tick(user.permissions.includes(permission))),
    user.emailPreference,
  ]);
  const invited = matrix.pending.map((user) => {
    const expiry = pending.find((invitation) => invitation.invitationId === user.invitationId)?.expiresAt;
    return [
      style.dim(user.email),
      style.yellow(`pending${expiry === undefined ? '' : `, expires ${wib(expiry)}`}`),
      ...matrix.columns.map((permission) => style.dim(user.permissions.includes(permission) ? '(✓)' : '·')),
      user.emailPreference,
    ];
  });
  const title = `Permission matrix: ${matrix.name} (${kindOf(matrix)}, ${matrix.profileId})`;
  return `${heading(style, title)}${style.table(['user', 'status', ...matrix.columns, 'e-mail'], [...users, ...invited])}\n`;
};
