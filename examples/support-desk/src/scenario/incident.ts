import { on } from '../calendar.js';
import { budi, caseId, customers, liveUpdatesOutage, putri, sari } from '../cast.js';
import { agent, impact, open, survey, technical } from './caseKit.js';
import { onCase, type Step } from './step.js';

const allDevices = caseId(1009);
const shopDevices = caseId(1010);
const bundles = {
  area: 'troubleshooting',
  subject: 'unexpected-behaviour',
  feature: 'live-updates',
} as const;

/** A platform incident on the status page, two cases linked to it, and its end resolving both (SC-10, SC-11). */
export const incidentSteps: ReadonlyArray<Step> = [
  open(
    allDevices,
    sari,
    on(23),
    {
      customer: customers.nusantara,
      channel: 'phone',
      topic: technical('nusantara-pos', bundles),
      subject: 'No device receives live updates since 08:40',
      impact: impact({ usersAffected: 250, serviceUnavailable: true, workaroundExists: false }),
    },
    'Sari phones: no device gets live updates, no workaround: P1, 1-hour Enterprise SLA',
    'accepted',
    'incident',
  ),
  agent(allDevices, putri, 'incident').start(on(23, 0.5), 'Putri answers within 30 minutes'),
  onCase(
    'link-case-1009',
    'incident',
    'Putri links the case to INC-2026-0325, published on status.capgo.app',
    allDevices,
    { type: 'LinkIncident', at: on(23, 1), actor: putri, data: { incidentId: liveUpdatesOutage } },
  ),
  open(
    shopDevices,
    budi,
    on(23, 1),
    {
      customer: customers.batik,
      channel: 'email',
      topic: technical('batik-sekar-shop', bundles),
      subject: 'Live updates stopped for our three shop tablets',
      impact: impact({ usersAffected: 3, serviceUnavailable: true, workaroundExists: false }),
    },
    'Budi mails the same problem from his shop: P1, 1 business day on Pro',
    'accepted',
    'incident',
  ),
  onCase('link-case-1010', 'incident', 'Putri links it to the same incident', shopDevices, {
    type: 'LinkIncident',
    at: on(23, 2),
    actor: putri,
    data: { incidentId: liveUpdatesOutage },
  }),
  onCase(
    'remedy-case-1009',
    'incident',
    'Sari asks for a service credit and an incident report',
    allDevices,
    {
      type: 'RequestOutageRemedy',
      at: on(23, 3),
      actor: sari,
      data: { remedies: ['service-credit', 'incident-report'] },
    },
  ),
  {
    kind: 'incidentResolved',
    id: 'incident-INC-2026-0325-resolved',
    topic: 'incident',
    says: 'The status page reports INC-2026-0325 resolved: every linked open case is resolved with outage-resolved',
    incidentId: liveUpdatesOutage,
    at: on(23, 6),
    cases: [allDevices, shopDevices],
  },
  survey(allDevices, sari, on(24), 4, 'Laporan insiden sudah kami terima', 'Sari rates it 4 of 5'),
];
