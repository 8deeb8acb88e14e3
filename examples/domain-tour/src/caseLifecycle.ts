// SupportCase's state machine, walked from opening to closing: each command is decided against the state folded
// so far, and one that does not fit the state is refused with a value that names the state and what it allows.
import { decodeSupportCaseCommand, supportCase, type SupportCaseCommand } from '@dossier/domain';
import * as E from 'fp-ts/lib/Either.js';
import { openCaseRequest } from './openACase.js';
import { ana, budi, friday } from './people.js';

// #region lifecycle
/** Decides each command in turn, folding what it emits; answers one line per command. */
export const walk = (commands: ReadonlyArray<SupportCaseCommand>): ReadonlyArray<string> => {
  let state = supportCase.initialState;
  return commands.map((command) => {
    const decision = supportCase.decide(command, state);
    if (E.isLeft(decision)) return `${command.type}: refused, ${JSON.stringify(decision.left)}`;
    state = decision.right.reduce(supportCase.evolve, state);
    return `${command.type}: ${decision.right.map((event) => event.type).join(' + ')} → ${state.status}`;
  });
};

/** A case from the chat request to the survey, and one command too many. */
export const aCaseFromStartToEnd = (): ReadonlyArray<string> => {
  const opened = decodeSupportCaseCommand(openCaseRequest);
  if (E.isLeft(opened)) return [`rejected: ${opened.left.what}`];
  return walk([
    opened.right,
    { type: 'StartWork', at: friday(8), actor: budi, data: {} },
    { type: 'RequestInformation', at: friday(9), actor: budi, data: { items: ['log-files'] } },
    { type: 'ProvideInformation', at: friday(30), actor: ana, data: { provided: ['log-files'] } },
    { type: 'Resolve', at: friday(32), actor: budi, data: { outcome: { kind: 'resolved', how: 'fixed' } } },
    { type: 'RecordSurveyResponse', at: friday(40), actor: ana, data: { rating: 5 } },
    { type: 'StartWork', at: friday(41), actor: budi, data: {} }, // SC-14: a closed case is not worked again
  ]);
};
// #endregion lifecycle
