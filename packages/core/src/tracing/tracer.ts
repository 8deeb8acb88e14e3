import {
  context,
  isSpanContextValid,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { traceAttributes, type Outcome } from './attributes.js';

/**
 * Dossier's tracer, taken once: the API hands back a proxy that finds the provider registered later, and with none
 * registered every span is the API's shared no-op, so an untraced process pays a call and a small object per span.
 */
export const tracer: Tracer = trace.getTracer('@dossier/core');

/** Whether a span is a real one (recorded or sampled out), as opposed to the no-op of a process with no provider. */
const isReal = (span: Span): boolean => isSpanContextValid(span.spanContext());

/** Starts a span under `parent` (the active context unless given), at `startTime` (epoch ms) when given. */
export const startSpan = (name: string, parent: Context = context.active(), startTime?: number): Span =>
  tracer.startSpan(name, startTime === undefined ? undefined : { startTime }, parent);

/** The context whose active span is `span`: `parent` itself for a no-op span, so nothing is allocated for it. */
export const within = (parent: Context, span: Span): Context =>
  isReal(span) ? trace.setSpan(parent, span) : parent;

/**
 * Sets attributes only on a span that records them: `make` is not even called otherwise, so an untraced process
 * builds no attribute objects.
 */
export const annotate = (span: Span, make: () => Attributes): void => {
  if (span.isRecording()) span.setAttributes(make());
};

/** Ends a span that succeeded with its outcome. */
export const endOk = (span: Span, outcome: Outcome): void => {
  if (span.isRecording()) span.setAttribute(traceAttributes.outcome, outcome);
  span.end();
};

/** The `_tag` of an error value, or its constructor's name. */
const errorTag = (error: unknown): string =>
  typeof error === 'object' && error !== null && '_tag' in error && typeof error._tag === 'string'
    ? error._tag
    : error instanceof Error
      ? error.name
      : typeof error;

/** Ends a span whose operation failed: status ERROR, `error.type` the error's tag, and the outcome. */
export const endFailed = (span: Span, outcome: Outcome, error: unknown): void => {
  if (span.isRecording()) {
    const type = errorTag(error);
    span.setAttribute(traceAttributes.outcome, outcome);
    span.setAttribute(traceAttributes.errorType, type);
    span.setStatus({ code: SpanStatusCode.ERROR, message: type });
  }
  span.end();
};
