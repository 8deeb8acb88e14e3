import { on } from '../calendar.js';
import {
  batikProfile,
  budi,
  dewi,
  eko,
  invitationId,
  nusantaraProfile,
  rina,
  rinaProfile,
  sari,
} from '../cast.js';
import { onProfile, refused, type CommandStep } from './step.js';

/** The three payment profiles: a business, a seller and an individual one, and what their admins change (PP-1…PP-10). */
export const profileSteps: ReadonlyArray<CommandStep> = [
  // #region createProfile
  onProfile(
    'profile-nusantara-created',
    'profiles',
    'Sari creates the business payment profile of PT Nusantara Digital; she is its first admin and primary contact',
    nusantaraProfile,
    {
      type: 'CreateProfile',
      at: on(0),
      actor: sari,
      data: {
        profileId: nusantaraProfile,
        kind: 'business',
        seller: false,
        name: 'PT Nusantara Digital',
        address: 'Jl. Jend. Sudirman Kav. 52, Jakarta Selatan 12190',
        taxNumber: '01.234.567.8-012.000',
        language: 'id',
      },
    },
  ),
  // #endregion createProfile
  onProfile(
    'profile-batik-created',
    'profiles',
    'Budi creates the seller payment profile of Toko Batik Sekar',
    batikProfile,
    {
      type: 'CreateProfile',
      at: on(0, 1),
      actor: budi,
      data: {
        profileId: batikProfile,
        kind: 'business',
        seller: true,
        name: 'Toko Batik Sekar',
        address: 'Jl. Dr. Rajiman 125, Surakarta 57141',
        language: 'id',
      },
    },
  ),
  onProfile(
    'profile-rina-created',
    'profiles',
    'Rina, a freelance illustrator, creates an individual payment profile',
    rinaProfile,
    {
      type: 'CreateProfile',
      at: on(0, 2),
      actor: rina,
      data: {
        profileId: rinaProfile,
        kind: 'individual',
        seller: false,
        name: 'Rina Wijaya',
        language: 'id',
      },
    },
  ),
  onProfile(
    'profile-rina-invites',
    'profiles',
    'Rina tries to add her accountant to her individual profile',
    rinaProfile,
    {
      type: 'InviteUser',
      at: on(0, 3),
      actor: rina,
      data: {
        invitationId: invitationId('rina-accountant'),
        email: budi.email,
        permissions: ['read'],
        emailPreference: 'administrative',
      },
    },
    refused('IndividualProfileHasNoUsers'),
  ),
  onProfile(
    'profile-nusantara-payment-method',
    'profiles',
    'Sari adds the company card and a bank account as payment methods; the admins are notified',
    nusantaraProfile,
    {
      type: 'UpdateProfileDetails',
      at: on(1, 1),
      actor: sari,
      data: { changes: { paymentMethods: ['visa-4242', 'bca-virtual-account'] } },
    },
  ),
  onProfile(
    'profile-nusantara-npwp',
    'profiles',
    'Sari corrects the NPWP (tax number) after the tax office reissued it',
    nusantaraProfile,
    {
      type: 'UpdateProfileDetails',
      at: on(22, 2),
      actor: sari,
      data: { changes: { taxNumber: '01.234.567.8-012.001' } },
    },
  ),
  onProfile(
    'profile-nusantara-edit-profile',
    'profiles',
    "Sari tries to give Eko 'edit-profile', which business profiles do not offer",
    nusantaraProfile,
    {
      type: 'ChangePermissions',
      at: on(21, 1),
      actor: sari,
      data: { email: eko.email, permissions: ['read', 'edit-profile'] },
    },
    refused('PermissionNotOnThisProfile'),
  ),
  onProfile(
    'profile-nusantara-dewi-raises-sari',
    'profiles',
    "Dewi (manage-users, not admin) tries to change Sari's permissions, which are above her own",
    nusantaraProfile,
    {
      type: 'ChangePermissions',
      at: on(21, 2),
      actor: dewi,
      data: { email: sari.email, permissions: ['read'] },
    },
    refused('UserAboveCeiling'),
  ),
  onProfile(
    'profile-nusantara-dewi-finance',
    'profiles',
    'Dewi takes over payments: Sari makes her the primary contact',
    nusantaraProfile,
    {
      type: 'ReassignPrimaryContact',
      at: on(21, 3),
      actor: sari,
      data: { email: dewi.email },
    },
  ),
  onProfile(
    'profile-nusantara-remove-dewi',
    'profiles',
    'Sari tries to remove Dewi, who is now the primary contact',
    nusantaraProfile,
    { type: 'RemoveUser', at: on(21, 4), actor: sari, data: { email: dewi.email, confirm: true } },
    refused('PrimaryContactCannotBeRemoved'),
  ),
  onProfile(
    'profile-nusantara-sari-admin-mail',
    'profiles',
    'Sari, no longer the primary contact, keeps administrative payment e-mails only',
    nusantaraProfile,
    {
      type: 'SetEmailPreference',
      at: on(21, 5),
      actor: sari,
      data: { email: sari.email, preference: 'administrative' },
    },
  ),
];
