import type { EventShape, Projection, Recorded, RecordedEvent } from '@dossier/core';

/** One step of a run: a command sent to one stream. */
export interface Step<C> {
  readonly stream: string;
  readonly command: C;
}

/** The events of the log that the projection subscribes to, as the runner's event-type filter passes them. */
export const subscribed = <S, Ev extends EventShape, Q>(
  projection: Projection<S, Ev, Q>,
  events: ReadonlyArray<RecordedEvent>,
): ReadonlyArray<Recorded<Ev>> =>
  events.filter((event): event is Recorded<Ev> =>
    (projection.eventTypes as ReadonlyArray<string>).includes(event.type),
  );

/** The events of a log whose type is one of `types`, grouped by stream in log order. */
export const streamsOf = <Ev extends EventShape>(
  events: ReadonlyArray<RecordedEvent>,
  types: ReadonlyArray<Ev['type']>,
): Readonly<Record<string, ReadonlyArray<Recorded<Ev>>>> => {
  const streams: Record<string, Recorded<Ev>[]> = {};
  for (const event of events) {
    if (!(types as ReadonlyArray<string>).includes(event.type)) continue;
    (streams[event.stream] ??= []).push(event as Recorded<Ev>);
  }
  return streams;
};
