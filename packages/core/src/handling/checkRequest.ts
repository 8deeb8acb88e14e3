import * as E from 'fp-ts/lib/Either.js';
import type {
  CommandShape,
  DecodeFailed,
  DecodeProblem,
  Decider,
  ErrorShape,
  EventShape,
} from '../decider.js';
import type { HandleRequest } from './handle.js';

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const isText = (u: unknown): u is string => typeof u === 'string' && u.length > 0;

const problem = (path: string, reason: string): DecodeProblem => ({ path, reason });

const failed = (problems: ReadonlyArray<DecodeProblem>): DecodeFailed => ({
  _tag: 'DecodeFailed',
  what: 'HandleRequest',
  problems,
});

const problemsOfContext = (context: unknown): ReadonlyArray<DecodeProblem> => {
  if (!isRecord(context)) return [problem('context', 'expected an object with commandId and actor')];
  const { commandId, actor, correlationId, causationId, newEventId } = context;
  return [
    ...(isText(commandId) ? [] : [problem('context.commandId', 'expected a non-empty string')]),
    ...(isText(actor) ? [] : [problem('context.actor', 'expected a non-empty string')]),
    ...(correlationId === undefined || isText(correlationId)
      ? []
      : [problem('context.correlationId', 'expected a non-empty string, or nothing')]),
    ...(causationId === undefined || isText(causationId)
      ? []
      : [problem('context.causationId', 'expected a non-empty string, or nothing')]),
    ...(newEventId === undefined || typeof newEventId === 'function'
      ? []
      : [problem('context.newEventId', 'expected a function, or nothing')]),
  ];
};

const isWellFormedContext = (context: unknown): boolean => {
  if (!isRecord(context)) return false;
  const { commandId, actor, correlationId, causationId, newEventId } = context;
  return (
    isText(commandId) &&
    isText(actor) &&
    (correlationId === undefined || isText(correlationId)) &&
    (causationId === undefined || isText(causationId)) &&
    (newEventId === undefined || typeof newEventId === 'function')
  );
};

/**
 * Checks what the command handler was given before anything is read: the request's stream and ids, its options, and
 * the command — decoded with the decider's `decodeCommand` when it has one (each bad path named), else at least a
 * record with a `type`. What comes back is the decoded command, so nothing undecoded reaches `decide`. Never throws.
 */
export const checkRequest = <C extends CommandShape, S, Ev extends EventShape, Err extends ErrorShape>(
  decider: Decider<C, S, Ev, Err>,
  request: unknown,
  options: unknown,
): E.Either<DecodeFailed, HandleRequest<C>> => {
  if (!isRecord(request)) return E.left(failed([problem('(root)', 'expected { stream, command, context }')]));
  const { stream, command, context } = request;
  // Most requests are well formed: say so without building the lists of problems.
  const fine = isText(stream) && (options === undefined || isRecord(options)) && isWellFormedContext(context);
  const problems = fine
    ? []
    : [
        ...(isText(stream) ? [] : [problem('stream', 'expected a stream name')]),
        ...problemsOfContext(context),
        ...(options === undefined || isRecord(options)
          ? []
          : [problem('options', 'expected an object, or nothing')]),
      ];
  if (problems.length > 0) return E.left(failed(problems));
  const accepted = request as unknown as HandleRequest<C>;
  if (decider.decodeCommand !== undefined) {
    const decoded = decider.decodeCommand(command);
    return E.isLeft(decoded) ? decoded : E.right({ ...accepted, command: decoded.right });
  }
  return isRecord(command) && typeof command['type'] === 'string'
    ? E.right(accepted)
    : E.left(failed([problem('command', 'expected an object with a string type')]));
};
