import * as E from 'fp-ts/lib/Either.js';
import {
  CaseIdCodec,
  CustomerIdCodec,
  EmailCodec,
  IncidentIdCodec,
  InvitationIdCodec,
  ProfileIdCodec,
  ProjectIdCodec,
  TeamIdCodec,
  UserIdCodec,
  type Actor,
  type CaseId,
  type CustomerFacts,
  type IncidentId,
  type InvitationId,
  type ProfileId,
  type ProjectId,
  type TeamId,
} from '@dossier/domain';

// The names below are fixed literals of the script; one that failed its codec would be a typo in this file.
const fixed = <A>(codec: { readonly decode: (u: unknown) => E.Either<unknown, A> }, value: string): A => {
  const decoded = codec.decode(value);
  if (E.isLeft(decoded)) throw new Error(`the demo's fixed id ${JSON.stringify(value)} does not decode`);
  return decoded.right;
};

const person = (id: string, email: string): Actor => ({
  id: fixed(UserIdCodec, id),
  email: fixed(EmailCodec, email),
});

/** PT Nusantara Digital, a Jakarta software house: its payment profile's users and its support contacts. */
export const sari = person('user-sari', 'sari@nusantara-digital.co.id');
export const dewi = person('user-dewi', 'dewi@nusantara-digital.co.id');
export const andi = person('user-andi', 'andi@nusantara-digital.co.id');
export const eko = person('user-eko', 'eko@nusantara-digital.co.id');
export const fajar = person('user-fajar', 'fajar@nusantara-digital.co.id');
export const gita = person('user-gita', 'gita@nusantara-digital.co.id');
export const hendra = person('user-hendra', 'hendra@nusantara-digital.co.id');
/** Sari writing from the holding company's address, which is not the one registered on the support account. */
export const sariAtHolding = person('user-sari', 'sari.wulandari@nusantara-group.com');
/** A developer at Nusantara who is a member, not an administrator, of its organisation. */
export const yoga = person('user-yoga', 'yoga@nusantara-digital.co.id');

/** Toko Batik Sekar, an online batik shop in Solo, which sells through its seller payment profile. */
export const budi = person('user-budi', 'budi@batiksekar.id');
export const wulan = person('user-wulan', 'wulan@batiksekar.id');
/** The shop's outside bookkeeper: payment e-mails only, no account (PP-3, PP-4). */
export const hadi = person('user-hadi', 'hadi@hadi-pembukuan.co.id');
export const intan = person('user-intan', 'intan@batiksekar.id');

/** A freelancer with an individual payment profile on a consumer address. */
export const rina = person('user-rina', 'rina.wijaya@gmail.com');

/** Other customers of the support desk. */
export const joko = person('user-joko', 'joko.susilo@gmail.com');
export const laras = person('user-laras', 'laras@kedaikopisenja.id');
export const tono = person('user-tono', 'tono@lumbungtani.or.id');
export const maya = person('user-maya', 'maya@majujaya.co.id');

/** The support desk's agents. */
export const putri = person('agent-putri', 'putri@helpdesk.capgo.example');
export const rizky = person('agent-rizky', 'rizky@helpdesk.capgo.example');

/** The payment profiles. */
export const nusantaraProfile: ProfileId = fixed(ProfileIdCodec, 'pt-nusantara-digital');
export const batikProfile: ProfileId = fixed(ProfileIdCodec, 'toko-batik-sekar');
export const rinaProfile: ProfileId = fixed(ProfileIdCodec, 'rina-wijaya');

/** An invitation id: unique across profiles, so it carries the profile's name. */
export const invitationId = (name: string): InvitationId => fixed(InvitationIdCodec, `inv-${name}`);
/** A support case id. */
export const caseId = (n: number): CaseId => fixed(CaseIdCodec, `case-${n}`);
/** The platform incident of 25 March, as published on status.capgo.app. */
export const liveUpdatesOutage: IncidentId = fixed(IncidentIdCodec, 'INC-2026-0325');
/** The specialist teams cases are escalated to (SC-9). */
export const appManagementTeam: TeamId = fixed(TeamIdCodec, 'app-management-specialists');
export const project = (name: string): ProjectId => fixed(ProjectIdCodec, name);

/** The support desk's customers, as their accounts describe them at opening (SC-2, SC-3, SC-13). */
export const customers: Readonly<
  Record<'nusantara' | 'batik' | 'kopi' | 'lumbung' | 'maju' | 'joko', CustomerFacts>
> = {
  nusantara: {
    id: fixed(CustomerIdCodec, 'nusantara-digital'),
    plan: 'enterprise',
    paidAddOns: [],
    offeredChannels: ['phone', 'chat'],
  },
  batik: { id: fixed(CustomerIdCodec, 'batik-sekar'), plan: 'pro', paidAddOns: [], offeredChannels: [] },
  kopi: { id: fixed(CustomerIdCodec, 'kedai-kopi-senja'), plan: 'free', paidAddOns: [], offeredChannels: [] },
  lumbung: {
    id: fixed(CustomerIdCodec, 'koperasi-lumbung-tani'),
    plan: 'free',
    paidAddOns: ['priority-builds'],
    offeredChannels: [],
  },
  maju: {
    id: fixed(CustomerIdCodec, 'cv-maju-jaya'),
    plan: 'team',
    paidAddOns: [],
    offeredChannels: ['chat'],
  },
  joko: { id: fixed(CustomerIdCodec, 'joko-susilo'), plan: 'pro', paidAddOns: [], offeredChannels: [] },
};
