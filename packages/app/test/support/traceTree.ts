import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

const millis = (span: ReadableSpan): number => span.duration[0] * 1e3 + span.duration[1] / 1e6;

const attributesOf = (span: ReadableSpan): string =>
  Object.entries(span.attributes)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? JSON.stringify(value) : String(value)}`)
    .join(' ');

/**
 * Finished spans as indented trees, one per trace, children in the order they started: how docs/tracing.md shows a
 * trace captured from a run.
 */
export const traceTree = (spans: ReadonlyArray<ReadableSpan>): string => {
  const byParent = new Map<string | undefined, ReadableSpan[]>();
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  for (const span of spans) {
    const parent = span.parentSpanContext?.spanId;
    const key = parent !== undefined && ids.has(parent) ? parent : undefined;
    byParent.set(key, [...(byParent.get(key) ?? []), span]);
  }
  const started = (a: ReadableSpan, b: ReadableSpan): number =>
    a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1];
  const lines: string[] = [];
  const walk = (span: ReadableSpan, depth: number): void => {
    const status = span.status.code === SpanStatusCode.ERROR ? ' ERROR' : '';
    lines.push(
      `${'  '.repeat(depth)}${span.name} ${millis(span).toFixed(2)} ms${status}  ${attributesOf(span)}`,
    );
    for (const child of (byParent.get(span.spanContext().spanId) ?? []).sort(started)) walk(child, depth + 1);
  };
  for (const root of (byParent.get(undefined) ?? []).sort(started)) walk(root, 0);
  return lines.join('\n');
};
