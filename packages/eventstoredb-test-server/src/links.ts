// Link events: an event of type `$>` whose data is `<revision>@<stream>` points at another event. Written by
// `linkTo` in projections (and by $by_category/$by_event_type), or by any client that appends one. Reads and
// subscriptions that ask to resolve links (`resolve_links`) answer the event pointed at, with the link beside it;
// a link whose target cannot be read (missing, truncated, deleted) comes back as the link alone, in the `link`
// field with no `event`, as the server's ResolvedEvent.ForFailedResolvedLink.
import type { RecordedEvent, Store } from './storage.js';

export const LINK_EVENT_TYPE = '$>';

/** A record as a read answers it: the event, and the link it was reached through when links are resolved. */
export interface ResolvedRecord {
  /** The event; undefined when it is a link whose target cannot be read. */
  readonly event: RecordedEvent | undefined;
  /** The link record, when `event` was reached through one. */
  readonly link: RecordedEvent | undefined;
}

const utf8Decoder = new TextDecoder();

/** `N@stream` → the target's stream and revision, or undefined when the data is not a link target. */
export function linkTarget(
  data: Uint8Array,
): { readonly stream: string; readonly revision: bigint } | undefined {
  const match = /^(\d+)@(.+)$/s.exec(utf8Decoder.decode(data));
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { revision: BigInt(match[1]), stream: match[2] };
}

/** The record as answered: resolved when asked and it is a link, as it is otherwise. */
export function resolveRecord(store: Store, record: RecordedEvent, resolveLinks: boolean): ResolvedRecord {
  if (!resolveLinks || record.type !== LINK_EVENT_TYPE) return { event: record, link: undefined };
  const target = linkTarget(record.data);
  const event = target === undefined ? undefined : store.readEvent(target.stream, target.revision);
  return { event, link: record };
}
