import * as E from 'fp-ts/lib/Either.js';
import type { HandleOptions, StateLoader } from '@dossier/core';
import {
  decodeInvitationCommand,
  decodePaymentProfileCommand,
  decodeSupportCaseCommand,
  type DecodeFailed,
  type DecodeProblem,
} from '@dossier/domain';
import {
  aggregateNames,
  type AggregateCommand,
  type AggregateName,
  type AggregateState,
} from './aggregates.js';

/** The ids a command is recorded under; each has a default, so callers give only what they know. */
export interface ExecuteContext {
  /** A new UUID unless told; give a stable one to make retries of the same command idempotent. */
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Who is recorded as asking; the command's `actor.id` unless told. */
  readonly actor?: string;
}

/** A request to `execute` whose every part has been checked: the only kind that reaches `handle`. */
export interface CheckedRequest<A extends AggregateName> {
  readonly command: AggregateCommand<A>;
  readonly context: ExecuteContext;
  readonly options: HandleOptions<AggregateState<A>>;
}

type CommandDecoders = {
  readonly [A in AggregateName]: (input: unknown) => E.Either<DecodeFailed, AggregateCommand<A>>;
};

const commandDecoders: CommandDecoders = {
  supportCase: decodeSupportCaseCommand,
  paymentProfile: decodePaymentProfileCommand,
  invitation: decodeInvitationCommand,
};

const contextKeys = ['commandId', 'correlationId', 'causationId', 'actor'] as const;

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

// Ids are recorded in every event's metadata and printed by the CLI: text, without control characters.
const isIdText = (u: unknown): u is string =>
  typeof u === 'string' && u.length > 0 && u.length <= 200 && !/\p{Cc}/u.test(u);

const problemsOfContext = (context: unknown): ReadonlyArray<DecodeProblem> => {
  if (context === undefined) return [];
  if (!isRecord(context)) return [{ path: 'context', reason: 'expected an object of ids, or nothing' }];
  return contextKeys
    .filter((key) => context[key] !== undefined && !isIdText(context[key]))
    .map((key) => ({
      path: `context.${key}`,
      reason: 'expected 1 to 200 characters without control characters',
    }));
};

// A copy holding only the known ids, so that nothing the caller changes afterwards is recorded.
const copyContext = (context: unknown): ExecuteContext =>
  isRecord(context)
    ? Object.fromEntries(
        contextKeys.filter((key) => context[key] !== undefined).map((key) => [key, context[key]]),
      )
    : {};

const isLoader = (u: unknown): u is StateLoader<unknown> => isRecord(u) && typeof u['load'] === 'function';

const problemsOfOptions = (options: unknown): ReadonlyArray<DecodeProblem> => {
  if (options === undefined) return [];
  if (!isRecord(options))
    return [{ path: 'options', reason: 'expected an object of handle options, or nothing' }];
  const { maxRetries, jitter, load } = options;
  return [
    ...(maxRetries === undefined || (typeof maxRetries === 'number' && maxRetries >= 0)
      ? []
      : [{ path: 'options.maxRetries', reason: 'expected a number from 0' }]),
    ...(jitter === undefined || isRecord(jitter)
      ? []
      : [{ path: 'options.jitter', reason: 'expected an object' }]),
    ...(load === undefined || isLoader(load)
      ? []
      : [{ path: 'options.load', reason: 'expected a state loader' }]),
  ];
};

const failed = (what: string, problems: ReadonlyArray<DecodeProblem>): DecodeFailed => ({
  _tag: 'DecodeFailed',
  what,
  problems,
});

/** Checks the aggregate and the stream `execute` was given: they must be known before anything else is. */
export const checkAddress = (aggregate: unknown, stream: unknown): E.Either<DecodeFailed, void> => {
  const problems: DecodeProblem[] = [];
  if (!(aggregateNames as ReadonlyArray<unknown>).includes(aggregate))
    problems.push({ path: 'aggregate', reason: `expected one of ${aggregateNames.join(', ')}` });
  if (typeof stream !== 'string') problems.push({ path: 'stream', reason: 'expected a stream name' });
  return problems.length === 0 ? E.right(undefined) : E.left(failed('ExecuteRequest', problems));
};

/**
 * Decodes the command with its aggregate's codec and checks the context and options: every bad path is named, and
 * what comes back is a fresh copy, so nothing the caller changes afterwards reaches `decide`.
 */
export const checkRequest = <A extends AggregateName>(
  aggregate: A,
  command: unknown,
  context: unknown,
  options: unknown,
): E.Either<DecodeFailed, CheckedRequest<A>> => {
  const problems = [...problemsOfContext(context), ...problemsOfOptions(options)];
  if (problems.length > 0) return E.left(failed('ExecuteRequest', problems));
  const decode = commandDecoders[aggregate] as (
    input: unknown,
  ) => E.Either<DecodeFailed, AggregateCommand<A>>;
  return E.map((decoded: AggregateCommand<A>): CheckedRequest<A> => ({
    command: decoded,
    context: copyContext(context),
    options: options ?? {},
  }))(decode(command));
};
