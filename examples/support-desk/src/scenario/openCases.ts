import { on } from '../calendar.js';
import { budi, caseId, customers, maya, putri, rizky, sari, tono } from '../cast.js';
import { doubleChargeCase } from './cases.js';
import { agent, impact, open, technical } from './caseKit.js';
import { onCase, type CommandStep } from './step.js';

const chartLabels = caseId(1011);
const spelling = caseId(1012);
const bestPractice = caseId(1013);
const refundFollowUp = caseId(1014);
const consoleLockout = caseId(1015);
const stagingChannel = caseId(1016);
const crashes = caseId(1017);

/** The cases still open at the demo's "now", which fill the queue: P1 to P4, answered, late and waiting (SC-5…SC-8). */
export const openCaseSteps: ReadonlyArray<CommandStep> = [
  open(
    chartLabels,
    budi,
    on(24, 1),
    {
      customer: customers.batik,
      channel: 'email',
      topic: technical('batik-sekar-shop', {
        area: 'troubleshooting',
        subject: 'unexpected-behaviour',
        feature: 'analytics',
      }),
      subject: 'Analytics chart labels overlap on small screens',
      impact: impact({ functionNeeded: false, workaroundExists: false }),
    },
    'Budi mails about overlapping chart labels; he does not need the chart now: P4',
  ),
  onCase(
    'reprioritise-case-1011',
    'cases',
    'Rizky raises it to P3: the chart goes into the report Budi sends his investors',
    chartLabels,
    {
      type: 'Reprioritise',
      at: on(25, 2),
      actor: rizky,
      data: { priority: 'P3', reason: "The chart is in the shop's investor report due next week" },
    },
  ),
  agent(chartLabels, rizky).start(
    on(28),
    'Rizky starts on Monday, after the due time: the queue flags the breach',
  ),
  open(
    spelling,
    sari,
    on(25, 3),
    {
      customer: customers.nusantara,
      channel: 'web',
      topic: technical('nusantara-pos', {
        area: 'troubleshooting',
        subject: 'unexpected-behaviour',
        feature: 'app-management',
      }),
      subject: 'The release-notes spell checker will not learn new words',
      impact: impact({ functionNeeded: false, workaroundExists: false }),
    },
    'Sari reports that the spell checker will not learn new words: P4, due in 1 business day under the SLA',
  ),
  open(
    bestPractice,
    budi,
    on(28, 1),
    {
      customer: customers.batik,
      channel: 'web',
      topic: technical('batik-sekar-shop', { area: 'configuration', subject: 'configuration-best-practice' }),
      subject: 'How should we split channels between production and beta testers?',
    },
    'Budi asks for configuration best practice: P3, nobody has answered yet',
  ),
  open(
    refundFollowUp,
    budi,
    on(29, 1),
    {
      customer: customers.batik,
      channel: 'web',
      topic: { category: 'billing' },
      subject: 'The refund of the double charge has not arrived',
      followUpOf: doubleChargeCase,
    },
    'Budi follows up the resolved double-charge case with a new case (SC-14)',
  ),
  agent(refundFollowUp, rizky).start(on(29, 3), 'Rizky takes the follow-up the same day'),
  open(
    consoleLockout,
    tono,
    on(30, 5),
    {
      customer: customers.lumbung,
      channel: 'web',
      topic: technical('lumbung-app', {
        area: 'troubleshooting',
        subject: 'unexpected-behaviour',
        feature: 'app-management',
      }),
      subject: 'All twelve staff are locked out of App Management',
      impact: impact({ usersAffected: 12, serviceUnavailable: true, workaroundExists: false }),
    },
    'Tono: all twelve staff are locked out, no workaround: P1',
  ),
  open(
    stagingChannel,
    sari,
    on(30, 2),
    {
      customer: customers.nusantara,
      channel: 'web',
      topic: technical('nusantara-pos', { area: 'configuration', subject: 'live-update-setup' }),
      subject: 'Set up a staging channel for live updates',
    },
    'Sari asks to set up a staging channel: P3, 8 business hours under the SLA',
  ),
  open(
    crashes,
    maya,
    on(29, 5),
    {
      customer: customers.maju,
      channel: 'chat',
      topic: technical('maju-kasir', {
        area: 'troubleshooting',
        subject: 'unexpected-behaviour',
        feature: 'live-updates',
      }),
      subject: 'The app crashes right after a live update is applied',
      impact: impact({ workaroundExists: false }),
    },
    'Maya reports crashes after an update, no workaround: P2',
  ),
  agent(crashes, putri).start(on(29, 6)),
  agent(crashes, putri).ask(
    on(29, 7),
    ['log-files', 'reproduction-steps'],
    'Putri asks for crash logs and the steps; the case waits on Maya',
  ),
];
