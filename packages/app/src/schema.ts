import { eventSchema, type EventCodec, type EventSchema, type EventTypeSchema } from '@dossier/core';
import {
  InvitationEventCodec,
  invitationEventTypes,
  PaymentProfileEventCodec,
  paymentProfileEventTypes,
  SupportCaseEventCodec,
  supportCaseEventTypes,
} from '@dossier/domain';

/** The domain's event codecs, which encode to JSON typed `unknown`. */
interface DomainEventCodec {
  readonly decode: EventCodec['decode'];
  readonly encode: (event: never) => unknown;
}

// The domain's codecs encode every event to its JSON `{ type, data }` form; their declared output is `unknown`.
const asEventCodec = (codec: DomainEventCodec): EventCodec => ({
  decode: codec.decode,
  encode: (event) => codec.encode(event) as { readonly type: string; readonly data: unknown },
});

const entries = (
  types: ReadonlyArray<string>,
  codec: DomainEventCodec,
): ReadonlyArray<readonly [string, EventTypeSchema]> =>
  types.map((type) => [type, { codec: asEventCodec(codec) }] as const);

/** Every domain event type with its codec and schema version: what Dossier's stores validate and decode with. */
export const dossierEventTypes: Readonly<Record<string, EventTypeSchema>> = Object.fromEntries([
  ...entries(supportCaseEventTypes, SupportCaseEventCodec),
  ...entries(paymentProfileEventTypes, PaymentProfileEventCodec),
  ...entries(invitationEventTypes, InvitationEventCodec),
]);

/** The event schema of Dossier's domain: nothing that fails its codec is written, nothing undecodable read. */
export const dossierSchema: EventSchema = eventSchema(dossierEventTypes);
