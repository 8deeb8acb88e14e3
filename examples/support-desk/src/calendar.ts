import { instantFromMillis, toMillis, type Instant } from '@dossier/domain';

// The story starts on Monday 2 March 2026, 09:00 in Jakarta (02:00 UTC). Nothing in the demo reads the clock:
// every instant below is computed from this one, so two runs decide exactly the same commands.
const origin = Date.parse('2026-03-02T02:00:00.000Z');
const hour = 3_600_000;

/** The instant `days` days and `hours` hours after the story's first morning (Monday 2 March 2026, 09:00 WIB). */
export const on = (days: number, hours = 0): Instant =>
  instantFromMillis(origin + days * 24 * hour + hours * hour);

/** The demo's "now": Wednesday 1 April 2026, 16:00 WIB — when the queue's breach flags are evaluated. */
export const demoNow: Instant = on(30, 7);

/** The instant as people in Jakarta read it: `Mon 02 Mar 09:00 WIB`. */
export const wib = (instant: Instant): string => {
  const local = new Date(toMillis(instant) + 7 * hour);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][local.getUTCDay()] ?? '';
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    local.getUTCMonth()
  ];
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${weekday} ${pad(local.getUTCDate())} ${month ?? ''} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} WIB`;
};
