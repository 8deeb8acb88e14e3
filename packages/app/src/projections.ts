import type { AnyProjection } from '@dossier/core';
import { auditTrail, openTicketQueue, pendingInvitations, permissionMatrix } from '@dossier/projections';

/** Dossier's four read models: RM-1 open-ticket queue, RM-2 permission matrix, RM-3 pending invitations, RM-4 audit. */
export const dossierProjections = [
  openTicketQueue,
  permissionMatrix,
  pendingInvitations,
  auditTrail,
] as const;

/** The read models' names, in the order of {@link dossierProjections}. */
export const dossierProjectionNames: ReadonlyArray<string> = dossierProjections.map((p) => p.name);

/** The read model of that name, or undefined. */
export const projectionNamed = (name: string): AnyProjection | undefined =>
  dossierProjections.find((projection) => projection.name === name);
