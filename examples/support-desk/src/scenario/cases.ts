import { on } from '../calendar.js';
import {
  appManagementTeam,
  caseId,
  customers,
  laras,
  maya,
  putri,
  rizky,
  sari,
  tono,
  budi,
} from '../cast.js';
import { agent, impact, open, survey, technical } from './caseKit.js';
import { onCase, refused, type CommandStep } from './step.js';

const invoice = caseId(1001);
const publishing = caseId(1002);
const bigQuery = caseId(1003);
const staleBundle = caseId(1004);
const pushDelay = caseId(1005);
const checkout = caseId(1006);
const rollback = caseId(1007);
const doubleCharge = caseId(1008);

/** The earlier case that case-1013 follows up (SC-14). */
export const doubleChargeCase = doubleCharge;

/** Cases worked to each of the outcomes, with information requests, an escalation and surveys (SC-8…SC-12). */
export const caseSteps: ReadonlyArray<CommandStep> = [
  open(
    invoice,
    laras,
    on(3),
    {
      customer: customers.kopi,
      channel: 'web',
      topic: { category: 'billing' },
      subject: 'The February invoice shows our old company name',
    },
    'Laras (Kedai Kopi Senja, free plan) asks about an invoice: billing is open to every customer',
  ),
  onCase(
    'start-by-requester-case-1001',
    'cases',
    'Laras tries to mark her own case as being worked on',
    invoice,
    { type: 'StartWork', at: on(3, 1), actor: laras, data: {} },
    refused('RequesterCannotActAsAgent'),
  ),
  agent(invoice, putri).start(on(3, 2), 'Putri takes the case'),
  agent(invoice, putri).resolve(
    on(3, 3),
    { kind: 'resolved', how: 'question-answered' },
    'Putri explains how to change the name on future invoices',
  ),
  survey(
    invoice,
    laras,
    on(4),
    4,
    'Jelas, terima kasih',
    'Laras rates the answer 4 of 5; the case is closed',
  ),
  agent(invoice, putri).resolve(
    on(4, 1),
    { kind: 'resolved', how: 'fixed' },
    'Putri tries to resolve the closed case again',
    refused('CaseNotInStatus'),
    'resolve-again-case-1001',
  ),

  open(
    publishing,
    sari,
    on(8),
    {
      customer: customers.nusantara,
      channel: 'chat',
      topic: technical('nusantara-pos', {
        area: 'troubleshooting',
        subject: 'unexpected-behaviour',
        feature: 'app-management',
      }),
      subject: 'One developer cannot publish bundles: Error 500 in App Management',
      impact: impact({ serviceUnavailable: true, workaroundExists: false }),
    },
    'Sari (Enterprise) reports on chat that one developer gets Error 500 when publishing: P2, 4-hour SLA',
  ),
  agent(publishing, putri).start(on(8, 1), 'Putri answers within the hour'),
  agent(publishing, putri).ask(
    on(8, 2),
    ['reproduction-steps', 'log-files'],
    'Putri asks for the exact steps and the CLI log files; the case waits on the customer',
  ),
  onCase('provide-case-1002', 'cases', 'Sari sends the steps and the logs', publishing, {
    type: 'ProvideInformation',
    at: on(9),
    actor: sari,
    data: { provided: ['reproduction-steps', 'log-files'] },
  }),
  onCase('escalate-case-1002', 'cases', 'Putri escalates to the App Management specialists', publishing, {
    type: 'Escalate',
    at: on(9, 1),
    actor: putri,
    data: { team: appManagementTeam },
  }),
  agent(publishing, rizky).resolve(
    on(10, 3),
    { kind: 'resolved', how: 'fixed' },
    "Rizky (specialist) fixes the developer's broken role mapping",
  ),
  survey(publishing, sari, on(11), 5, 'Cepat dan jelas, terima kasih!', 'Sari rates it 5 of 5'),
  survey(
    publishing,
    sari,
    on(11, 1),
    1,
    undefined,
    'Sari clicks the survey link a second time',
    refused('CaseNotInStatus'),
    'survey-again-case-1002',
  ),

  open(
    bigQuery,
    maya,
    on(9, 2),
    {
      customer: customers.maju,
      channel: 'chat',
      topic: technical('maju-kasir', { area: 'configuration', subject: 'platform-question' }),
      subject: 'Can Analytics export to BigQuery?',
      premium: true,
    },
    'Maya (CV Maju Jaya, Team plan) asks for premium support on chat',
  ),
  agent(bigQuery, rizky).start(on(9, 4)),
  agent(bigQuery, rizky).resolve(
    on(10, 1),
    { kind: 'feature-not-available', featureIdea: 'FI-812 Export Analytics to BigQuery' },
    'Rizky confirms the feature does not exist and files it as a feature idea',
  ),
  survey(bigQuery, maya, on(11, 2), 3, 'Semoga segera tersedia', 'Maya rates it 3 of 5'),

  open(
    staleBundle,
    maya,
    on(14),
    {
      customer: customers.maju,
      channel: 'web',
      topic: technical('maju-kasir', {
        area: 'troubleshooting',
        subject: 'unexpected-behaviour',
        feature: 'live-updates',
      }),
      subject: 'Some Android devices stay on the previous bundle',
    },
    'Maya reports devices that stay on an old bundle; a restart is a workaround: P3',
  ),
  agent(staleBundle, putri).start(on(14, 3)),
  agent(staleBundle, putri).resolve(
    on(15, 2),
    {
      kind: 'cannot-reproduce',
      recommendations: 'Enable the updater debug log and send it if it happens again',
    },
    'Putri cannot reproduce it and sends recommendations; no survey answer comes back',
  ),

  open(
    pushDelay,
    sari,
    on(15),
    {
      customer: customers.nusantara,
      channel: 'email',
      topic: technical('nusantara-pos', { area: 'configuration', subject: 'platform-question' }),
      subject: 'Push notifications through Firebase arrive hours late',
    },
    'Sari mails about late push notifications, which the platform does not deliver itself',
  ),
  agent(pushDelay, putri).start(on(15, 1)),
  agent(pushDelay, putri).resolve(
    on(15, 4),
    { kind: 'referred-to-third-party', party: 'Firebase Cloud Messaging support' },
    'Putri refers Sari to Firebase and introduces her to their support',
  ),

  open(
    checkout,
    budi,
    on(16),
    {
      customer: customers.batik,
      channel: 'web',
      topic: technical('batik-sekar-shop', { area: 'out-of-scope', subject: 'own-app-troubleshooting' }),
      subject: 'Our checkout page (our own React code) crashes on iOS',
    },
    'Budi asks support to debug his own checkout code: out of scope, recorded and resolved not-supported at once (SC-4)',
  ),
  survey(checkout, budi, on(16, 3), 2, 'Kami kira ini termasuk dukungan', 'Budi rates it 2 of 5'),

  open(
    rollback,
    tono,
    on(17),
    {
      customer: customers.lumbung,
      channel: 'web',
      topic: technical('lumbung-app', { area: 'troubleshooting', subject: 'how-to' }),
      subject: 'How do we roll back a live-update channel?',
    },
    'Tono (free plan with the paid Priority Builds add-on) asks a how-to question: the add-on makes it eligible (SC-2)',
  ),
  agent(rollback, putri).start(on(17, 2)),
  agent(rollback, putri).resolve(
    on(17, 3),
    { kind: 'resolved', how: 'question-answered' },
    'Putri points to the rollback guide',
  ),
  survey(rollback, tono, on(18), 5, undefined, 'Tono rates it 5 of 5'),

  open(
    doubleCharge,
    budi,
    on(22),
    {
      customer: customers.batik,
      channel: 'web',
      topic: { category: 'billing' },
      subject: 'We were charged twice for March',
      impact: impact({ workaroundExists: false }),
    },
    'Budi reports a double charge: P2',
  ),
  agent(doubleCharge, rizky).start(on(22, 2)),
  agent(doubleCharge, rizky).resolve(
    on(23, 1),
    { kind: 'resolved', how: 'fixed' },
    'Rizky refunds the second charge',
  ),
];
