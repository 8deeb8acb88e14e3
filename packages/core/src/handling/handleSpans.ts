import type { Attributes, Context, Span } from '@opentelemetry/api';
import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../store/errors.js';
import type { AppendResult } from '../store/types.js';
import { traceAttributes as at } from '../tracing/attributes.js';
import { annotate, endFailed, endOk, startSpan } from '../tracing/tracer.js';
import type { LoadedState } from './stateLoader.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The command's attributes, read from the request as given: it is not checked yet, so each is taken only when it
 * is a string (a bad request still gets its span, and its `DecodeFailed`).
 */
export const commandSpanAttributes = (request: unknown): Attributes => {
  const r = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  const command = (typeof r['command'] === 'object' && r['command'] !== null ? r['command'] : {}) as Record<
    string,
    unknown
  >;
  const context = (typeof r['context'] === 'object' && r['context'] !== null ? r['context'] : {}) as Record<
    string,
    unknown
  >;
  return {
    [at.stream]: text(r['stream']),
    [at.commandType]: text(command['type']),
    [at.commandId]: text(context['commandId']),
  };
};

/** The handled command's revision and event count, or nothing more for a failure; the retries either way. */
export const handledAttributes = (
  retries: number,
  result: E.Either<unknown, { readonly revision: bigint | null; readonly events: ReadonlyArray<unknown> }>,
): Attributes =>
  E.isLeft(result)
    ? { [at.retries]: retries }
    : {
        [at.retries]: retries,
        [at.eventCount]: result.right.events.length,
        ...(result.right.revision === null ? {} : { [at.revision]: Number(result.right.revision) }),
      };

/** The load of one attempt, as a `dossier.load` span with the revision it found and how many events it folded. */
export const traceLoad = <S, L extends E.Either<unknown, LoadedState<S>>>(
  parent: Context,
  attempt: number,
  load: () => Promise<L>,
): Promise<L> => {
  const span = startSpan('dossier.load', parent);
  // A span that records nothing (no provider, or sampled out) is ended at once and the load's own promise handed
  // back: no async step of its own, which every untraced command would pay.
  if (!span.isRecording()) {
    span.end();
    return load();
  }
  return loadRecorded(span, attempt, load);
};

const loadRecorded = async <S, L extends E.Either<unknown, LoadedState<S>>>(
  span: Span,
  attempt: number,
  load: () => Promise<L>,
): Promise<L> => {
  const loaded = await load();
  if (E.isLeft(loaded)) {
    endFailed(span, 'failed', loaded.left);
    return loaded;
  }
  annotate(span, () => ({
    [at.attempt]: attempt,
    [at.folded]: loaded.right.folded ?? 0,
    ...(loaded.right.revision === null ? {} : { [at.revision]: Number(loaded.right.revision) }),
  }));
  endOk(span, loaded.right.earlier === undefined ? 'unchanged' : 'repeated');
  return loaded;
};

/** The decider's decision, as a `dossier.decide` span: how many events, or the domain's refusal. */
export const traceDecide = <D extends E.Either<unknown, ReadonlyArray<unknown>>>(
  parent: Context,
  attempt: number,
  decide: () => D,
): D => {
  const span = startSpan('dossier.decide', parent);
  const decided = decide();
  annotate(span, () => ({
    [at.attempt]: attempt,
    ...(E.isRight(decided) ? { [at.eventCount]: decided.right.length } : {}),
  }));
  if (E.isLeft(decided)) endFailed(span, 'refused', decided.left);
  else endOk(span, decided.right.length === 0 ? 'unchanged' : 'appended');
  return decided;
};

/** One append, as a `dossier.append` span: the revision expected and reached, or the conflict. */
export const traceAppend = (
  parent: Context,
  attempt: number,
  expected: bigint | null,
  append: () => Promise<E.Either<StoreError, AppendResult>>,
): Promise<E.Either<StoreError, AppendResult>> => {
  const span = startSpan('dossier.append', parent);
  // As for the load: a span that records nothing costs no async step.
  if (!span.isRecording()) {
    span.end();
    return append();
  }
  return appendRecorded(span, attempt, expected, append);
};

const appendRecorded = async (
  span: Span,
  attempt: number,
  expected: bigint | null,
  append: () => Promise<E.Either<StoreError, AppendResult>>,
): Promise<E.Either<StoreError, AppendResult>> => {
  annotate(span, () => ({
    [at.attempt]: attempt,
    [at.expectedRevision]: expected === null ? -1 : Number(expected),
  }));
  const appended = await append();
  if (E.isLeft(appended)) {
    endFailed(span, appended.left._tag === 'ConcurrencyConflict' ? 'conflict' : 'failed', appended.left);
    return appended;
  }
  annotate(span, () => ({
    [at.revision]: Number(appended.right.nextExpectedRevision),
    [at.eventCount]: appended.right.events.length,
  }));
  endOk(span, 'appended');
  return appended;
};

/**
 * Records the `dossier.handle` span of a request turned away before it reached `handle` (an entry that checks its
 * input itself, as the app's `execute` does): failed, with the error's tag, nothing loaded, decided or appended.
 */
export const traceRefusedRequest = (request: unknown, error: unknown): void => {
  const span = startSpan('dossier.handle');
  annotate(span, () => commandSpanAttributes(request));
  endFailed(span, 'failed', error);
};
