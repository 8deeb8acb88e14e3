import { context, type Context, type Span } from '@opentelemetry/api';
import type { RecordedEvent } from '../store/types.js';
import { traceAttributes as at } from '../tracing/attributes.js';
import { annotate, startSpan, within } from '../tracing/tracer.js';

/** The span of one event a flow reacted to with commands, and the context its commands are handled in. */
export interface FlowStep {
  readonly span: Span;
  /** Dispatches run in it, so the commands' `dossier.handle` spans are the step's children. */
  readonly context: Context;
}

/** Starts a `dossier.flow.event` span for an event that caused `commands` commands. */
export const startFlowStep = (flow: string, event: RecordedEvent, commands: number): FlowStep => {
  const parent = context.active();
  const span = startSpan('dossier.flow.event', parent);
  annotate(span, () => ({
    [at.flow]: flow,
    [at.stream]: event.stream,
    [at.revision]: Number(event.revision),
    [at.position]: Number(event.position),
    [at.eventType]: event.type,
    [at.eventId]: event.metadata.eventId,
    [at.commands]: commands,
  }));
  return { span, context: within(parent, span) };
};

/** Notes on the step's span that a command failed for a passing reason and is tried again. */
export const noteRetry = (step: FlowStep, commandId: string, error: unknown): void => {
  if (!step.span.isRecording()) return;
  const tag =
    typeof error === 'object' && error !== null && '_tag' in error && typeof error._tag === 'string'
      ? error._tag
      : 'unknown';
  step.span.addEvent('dossier.flow.retry', { [at.commandId]: commandId, [at.errorType]: tag });
};
