import type { Instant } from '@dossier/domain';
import type { QueueItem } from '@dossier/projections';
import { wib } from '../calendar.js';
import { heading, type Style } from './style.js';

const breach = (style: Style, item: QueueItem): string => {
  if (!item.breached) return item.firstRespondedAt === null ? 'not yet due' : style.green('answered in time');
  return style.red(item.firstRespondedAt === null ? 'BREACHED: no answer' : 'BREACHED: late');
};

/** RM-1 at `now`: the open cases in SC-6 order (priority, then submission), with due times and breaches (SC-7). */
export const printQueue = (style: Style, items: ReadonlyArray<QueueItem>, now: Instant): string => {
  const rows = items.map((item, index) => [
    String(index + 1),
    item.caseId,
    item.priority,
    item.status + (item.escalatedTeam === null ? '' : ` → ${item.escalatedTeam}`),
    item.channel,
    item.customer,
    item.subject,
    wib(item.submittedAt),
    wib(item.firstResponseDue),
    breach(style, item),
  ]);
  const title = `Open-ticket queue at ${wib(now)} (RM-1: P1 first, then oldest first)`;
  return `${heading(style, title)}${style.table(
    [
      '#',
      'case',
      'prio',
      'status',
      'channel',
      'customer',
      'subject',
      'submitted',
      'first response due',
      'first response',
    ],
    rows,
    [null, null, null, null, null, null, 34, null, null, null],
  )}\n`;
};
