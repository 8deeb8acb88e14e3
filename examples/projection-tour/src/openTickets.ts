// A projection is a pure fold over recorded events, plus the questions its state answers. Core knows no domain,
// so the tour brings its own tiny one: tickets opened and closed, with a priority.
import { randomUUID } from 'node:crypto';
import type { NewEvent, Projection } from '@dossier/core';

// #region events
/** The events the view folds: `type` and `data` as the store records them. */
export type TicketEvent =
  | { readonly type: 'TicketOpened'; readonly data: { readonly priority: 'P1' | 'P2' | 'P3' } }
  | { readonly type: 'TicketClosed'; readonly data: { readonly priority: 'P1' | 'P2' | 'P3' } };
// #endregion events

// #region projection
/** Plain JSON: records and arrays, no Map, Set, Date or bigint, so any projection store can keep it. */
export interface OpenTickets {
  readonly byPriority: Readonly<Record<string, number>>;
  readonly lastTicket: string | null;
}

/** How many tickets are open, per priority. */
export const openTickets: Projection<
  OpenTickets,
  TicketEvent,
  { readonly open: (priority: string) => number; readonly total: number }
> = {
  name: 'openTickets',
  version: 1, // raise it when `apply` or the state's shape changes: the runner rebuilds from zero
  eventTypes: ['TicketOpened', 'TicketClosed'],
  initialState: { byPriority: {}, lastTicket: null },
  apply: (state, event) => {
    const step = event.type === 'TicketOpened' ? 1 : -1;
    const { priority } = event.data; // `event.type` narrows `event.data`
    return {
      byPriority: { ...state.byPriority, [priority]: (state.byPriority[priority] ?? 0) + step },
      lastTicket: event.stream,
    };
  },
  query: (state) => ({
    open: (priority) => state.byPriority[priority] ?? 0,
    total: Object.values(state.byPriority).reduce((sum, n) => sum + n, 0),
  }),
};
// #endregion projection

/** A new ticket event, as a writer would append it. */
export const ticket = (type: TicketEvent['type'], priority: 'P1' | 'P2' | 'P3'): NewEvent => ({
  type,
  data: { priority },
  metadata: { eventId: randomUUID() },
});
