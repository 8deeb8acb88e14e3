// The people, ids and instants of the tour. The domain makes no ids and reads no clock: they come from outside,
// here as fixed values, typed with the domain's brands.
import type { Actor, Email, Instant, InvitationId, ProfileId, UserId } from '@dossier/domain';

const person = (id: string, email: string): Actor => ({ id: id as UserId, email: email as Email });

/** Ana, an administrator of the customer Acme, and the creator of Acme's payment profile. */
export const ana = person('u-ana', 'ana@acme.example');
/** Budi, a support agent. */
export const budi = person('u-budi', 'budi@support.example');
/** Citra, whom Ana invites to the payment profile. */
export const citra = person('u-citra', 'citra@acme.example');

/** Dewi and Eko, whom Citra invites in turn. */
export const dewi = person('u-dewi', 'dewi@acme.example');
export const eko = person('u-eko', 'eko@acme.example');

export const profileId = 'acme' as ProfileId;
export const invitationId = 'inv-7' as InvitationId;
/** The id of another invitation. */
export const anotherInvitation = (id: string): InvitationId => id as InvitationId;

/** An instant `hours` after Friday 6 March 2026, 09:00 UTC. */
export const friday = (hours = 0): Instant =>
  new Date(Date.UTC(2026, 2, 6, 9) + hours * 3_600_000).toISOString() as Instant;
