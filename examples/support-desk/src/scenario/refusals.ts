import { on } from '../calendar.js';
import { budi, caseId, customers, joko, laras, sari, sariAtHolding, yoga } from '../cast.js';
import { open, technical } from './caseKit.js';
import { refused, type CommandStep } from './step.js';

const liveUpdateSetup = { area: 'configuration', subject: 'live-update-setup' } as const;

/** Requests the desk does not take, each refused with its reason and nothing recorded (SC-1…SC-3, SC-13). */
export const refusedRequestSteps: ReadonlyArray<CommandStep> = [
  open(
    caseId(9001),
    joko,
    on(10),
    { customer: customers.joko, channel: 'web', topic: { category: 'billing' }, subject: 'Refund please' },
    'Joko writes from a gmail.com address',
    refused('ConsumerAccountRefused'),
  ),
  open(
    caseId(9002),
    laras,
    on(10, 1),
    {
      customer: customers.kopi,
      channel: 'web',
      topic: technical('kopi-app', liveUpdateSetup),
      subject: 'Help setting up live updates',
    },
    'Laras asks a technical question on the free plan without add-ons',
    refused('PaidPlanRequired'),
  ),
  open(
    caseId(9003),
    budi,
    on(10, 2),
    {
      customer: customers.batik,
      channel: 'phone',
      topic: { category: 'billing' },
      subject: 'Question about our plan',
    },
    "Budi phones, but Batik Sekar's Pro offering has no phone support",
    refused('ChannelNotOffered'),
  ),
  open(
    caseId(9004),
    yoga,
    on(10, 3),
    {
      customer: customers.nusantara,
      channel: 'web',
      topic: technical('nusantara-pos', liveUpdateSetup),
      subject: 'Live update channel for QA',
      role: 'member',
    },
    'Yoga, a developer but not an administrator of Nusantara, opens a case',
    refused('NotAnOrganisationAdministrator'),
  ),
  open(
    caseId(9005),
    sariAtHolding,
    on(10, 4),
    {
      customer: customers.nusantara,
      channel: 'email',
      topic: { category: 'account-management' },
      subject: 'Add a second billing address',
      registeredEmail: sari.email,
    },
    "Sari mails from the holding company's address, not the registered one",
    refused('NotFromRegisteredAddress'),
  ),
  open(
    caseId(9006),
    budi,
    on(10, 5),
    {
      customer: customers.batik,
      channel: 'web',
      topic: technical('batik-sekar-shop', liveUpdateSetup, 'viewer'),
      subject: 'Configure live updates',
    },
    'Budi asks about a project he can only view',
    refused('InsufficientProjectAccess'),
  ),
  open(
    caseId(9007),
    budi,
    on(10, 6),
    {
      customer: customers.batik,
      channel: 'web',
      topic: { category: 'billing' },
      subject: 'Invoice question',
      premium: true,
    },
    'Budi asks for premium support on the Pro plan',
    refused('PremiumSupportNotInPlan'),
  ),
];
