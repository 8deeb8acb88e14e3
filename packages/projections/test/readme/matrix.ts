// The README's example, run by readme.test.ts.
// #region example
import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryStore, handle, replayProjection, type Recorded } from '@dossier/core';
import {
  decodePaymentProfileCommand,
  paymentProfile,
  type PaymentProfileEvent,
  ProfileIdCodec,
} from '@dossier/domain';
import { permissionMatrix } from '@dossier/projections';

const store = createInMemoryStore();
const create = decodePaymentProfileCommand({
  type: 'CreateProfile',
  at: '2026-03-02T09:00:00Z',
  actor: { id: 'u-sari', email: 'sari@example.com' },
  data: { profileId: 'acme', kind: 'business', seller: false, name: 'Acme' },
});
if (E.isLeft(create)) throw new Error(create.left.what);
const context = { commandId: 'cmd-1', actor: 'u-sari' };
await handle(store, paymentProfile, { stream: 'paymentProfile-acme', command: create.right, context })();

const log = await store.readAll()();
if (E.isLeft(log)) throw new Error(log.left._tag);
// Events as the deciders emit them; a store opened with @dossier/app's dossierSchema also decodes them on reading.
const events = log.right as ReadonlyArray<Recorded<PaymentProfileEvent>>;
const matrix = permissionMatrix.query(replayProjection(permissionMatrix, events)); // a rebuild from zero, in memory
const profileId = 'acme';
if (!ProfileIdCodec.is(profileId)) throw new Error('not a profile id');
console.log(matrix.profile(profileId)?.primaryContact, matrix.can(profileId, 'sari@example.com', 'admin')); // sari@example.com true
// #endregion example
