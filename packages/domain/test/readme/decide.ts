// The README's example, run by readme.test.ts.
// #region example
import * as E from 'fp-ts/lib/Either.js';
import { decodePaymentProfileCommand, paymentProfile } from '@dossier/domain';

const sari = { id: 'u-sari', email: 'sari@example.com' };
const dewi = { id: 'u-dewi', email: 'dewi@example.com' };
const commands = [
  {
    type: 'CreateProfile',
    at: '2026-03-02T09:00:00+07:00',
    actor: sari,
    data: { profileId: 'acme', kind: 'business', seller: false, name: 'Acme' },
  },
  {
    type: 'InviteUser',
    at: '2026-03-02T09:05:00+07:00',
    actor: dewi,
    data: { invitationId: 'inv-1', email: 'eko@example.com', permissions: ['admin'], emailPreference: 'all' },
  },
];

let state = paymentProfile.initialState;
for (const json of commands) {
  const command = decodePaymentProfileCommand(json); // untrusted JSON in, a typed command or every problem out
  if (E.isLeft(command)) throw new Error(command.left.what);
  const decision = paymentProfile.decide(command.right, state); // pure: no clock, no ids, no I/O
  if (E.isLeft(decision)) console.log(command.right.type, 'refused:', decision.left._tag);
  else state = decision.right.reduce(paymentProfile.evolve, state);
}
console.log(state.status); // 'InviteUser refused: NotAProfileUser' (PP-5: Dewi is no user here), then 'created'
// #endregion example
