// The domain on its own: decode a command that arrives as JSON, decide it against the state folded from earlier
// events, and look at the events or the refusal. No store, no clock, no I/O.
import { fold } from '@dossier/core';
import { decodeSupportCaseCommand, supportCase, type SupportCaseEvent } from '@dossier/domain';
import * as E from 'fp-ts/lib/Either.js';

// #region request
/** A request as it might arrive over HTTP: untrusted JSON. */
export const openCaseRequest: unknown = {
  type: 'OpenCase',
  at: '2026-03-06T16:30:00+01:00',
  actor: { id: 'u-ana', email: 'Ana@Acme.example' },
  data: {
    caseId: 'case-1001',
    customer: { id: 'acme', plan: 'team', paidAddOns: [], offeredChannels: ['chat'] },
    requester: { organisationRole: 'administrator', registeredEmail: 'ana@acme.example' },
    channel: 'chat',
    topic: {
      category: 'technical',
      project: { project: 'acme-mobile', requesterAccess: 'developer' },
      scope: { area: 'troubleshooting', subject: 'unexpected-behaviour', feature: 'live-updates' },
    },
    subject: 'Live updates stopped reaching Android devices',
    impact: {
      usersAffected: 40,
      serviceUnavailable: true,
      widespreadMailDelay: false,
      breaksCollaboration: false,
      workaroundExists: false,
      functionNeeded: true,
    },
    premium: false,
  },
};
// #endregion request

// #region openACase
/** Decodes the request, decides it on a new case, and returns what a caller would answer. */
export const openACase = (request: unknown, history: ReadonlyArray<SupportCaseEvent> = []): string => {
  const command = decodeSupportCaseCommand(request);
  if (E.isLeft(command)) {
    // A malformed request names every path that was wrong, and nothing is decided.
    return `rejected: ${command.left.problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`;
  }
  const decision = supportCase.decide(command.right, fold(supportCase, history));
  if (E.isLeft(decision)) return `refused: ${decision.left._tag}`;
  return decision.right.map((event) => event.type).join(', ');
};
// #endregion openACase
