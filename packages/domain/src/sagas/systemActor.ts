import type { Actor, Email, UserId } from '../shared/ids.js';

/** The actor the invitation process manager issues its commands as. */
export const systemActor: Actor = {
  id: 'system:invitation-flow' as UserId,
  email: 'invitation-flow@system.dossier.invalid' as Email,
};
