// What a projection writes: links (`$>` events whose data is `<revision>@<stream>`) and, from a user projection's
// `emit`, plain events. Their metadata says what caused them, as the server's emitted events do: `$causedBy` (the
// id of the event processed), `$c`/`$p` (its position in `$all`), and `$o` (the original stream) when the link is
// written by $by_category.
import { LINK_EVENT_TYPE } from '../links.js';
import type { ProposedEvent, RecordedEvent } from '../storage.js';

export interface Emitted {
  readonly stream: string;
  readonly event: ProposedEvent;
}

const utf8 = new TextEncoder();

const causedBy = (cause: RecordedEvent, extra: Record<string, unknown>): Uint8Array =>
  utf8.encode(
    JSON.stringify({ $c: Number(cause.position), $p: Number(cause.position), ...extra, $causedBy: cause.id }),
  );

/** A link in `stream` to the event `target` (`N@stream`), written because `cause` was processed. */
export function emittedLink(
  stream: string,
  target: string,
  cause: RecordedEvent,
  extra: Record<string, unknown> = {},
): Emitted {
  return {
    stream,
    event: {
      id: crypto.randomUUID(),
      type: LINK_EVENT_TYPE,
      isJson: false,
      data: utf8.encode(target),
      metadata: causedBy(cause, extra),
    },
  };
}

/** An event emitted by a user projection's `emit(stream, type, data, metadata)`. */
export function emittedEvent(
  stream: string,
  type: string,
  data: unknown,
  metadata: Record<string, unknown>,
  cause: RecordedEvent,
): Emitted {
  return {
    stream,
    event: {
      id: crypto.randomUUID(),
      type,
      isJson: true,
      data: utf8.encode(JSON.stringify(data ?? {})),
      metadata: causedBy(cause, metadata),
    },
  };
}
