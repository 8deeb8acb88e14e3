import { keyed, type AnyProjection, type Rows } from '@dossier/core';
import type { Instant } from '@dossier/domain';
import { auditTrail } from '../auditTrail/index.js';
import { openTicketQueue } from '../openTicketQueue/index.js';
import { pendingInvitations } from '../pendingInvitations/index.js';
import { permissionMatrix } from '../permissionMatrix/index.js';

// Breach flags depend on the instant they are judged at; any fixed one makes two views comparable.
const judgedAt = '2100-01-01T00:00:00.000Z' as Instant;

/**
 * Everything one of the four read models answers over `rows`, as plain data: what two copies must agree on to be
 * the same view (a live copy against a rebuild, a copy before a restart against the one after). Read at once, so
 * it stays valid after the copy is dropped.
 */
export const viewOf = (projection: AnyProjection, rows: Rows): unknown => {
  switch (projection.name) {
    case openTicketQueue.name:
      return openTicketQueue.query(rows).list({ now: judgedAt });
    case permissionMatrix.name: {
      const matrix = permissionMatrix.query(rows);
      return matrix.profileIds().map((id) => matrix.profile(id));
    }
    case pendingInvitations.name:
      return pendingInvitations.query(rows).list();
    case auditTrail.name: {
      const trail = auditTrail.query(rows);
      return trail.streams().map((stream) => [stream, trail.forAggregate(stream)]);
    }
    default:
      return keyed(projection).query(rows) as unknown;
  }
};
