// A store is given an EventSchema built from the domain's codecs: events that fail their codec are refused before
// anything is written, and events read back are upcast from their schema version and decoded.
import { eventSchema, type EventCodec } from '@dossier/core';
import {
  InvitationAcceptedCodec,
  InvitationCancelledCodec,
  InvitationDeclinedCodec,
  InvitationExpiredCodec,
  InvitationIssuedCodec,
  InvitationResentCodec,
} from '@dossier/domain';

// #region codec
/** The domain's codecs declare their JSON output as `unknown`; the schema wants it as `{ type, data }`, which it is. */
const asEventCodec = (codec: {
  readonly decode: EventCodec['decode'];
  readonly encode: (event: never) => unknown;
}): EventCodec => ({
  decode: codec.decode,
  encode: (event) => codec.encode(event) as { readonly type: string; readonly data: unknown },
});
// #endregion codec

// #region upcaster
/**
 * Suppose version 1 of `InvitationIssued` had no `emailPreference`: invitations then always meant every payment
 * e-mail. Version 2 adds the field; the upcaster turns stored version-1 data into version 2 on every read.
 */
const addEmailPreference = (data: unknown): unknown =>
  typeof data === 'object' && data !== null && !('emailPreference' in data)
    ? { ...data, emailPreference: 'all' }
    : data;

/** The invitation events, their codecs, and the versions they are written in. */
export const invitationSchema = eventSchema({
  InvitationIssued: {
    codec: asEventCodec(InvitationIssuedCodec),
    version: 2,
    upcasters: [{ from: 1, up: addEmailPreference }],
  },
  InvitationResent: { codec: asEventCodec(InvitationResentCodec) },
  InvitationAccepted: { codec: asEventCodec(InvitationAcceptedCodec) },
  InvitationExpired: { codec: asEventCodec(InvitationExpiredCodec) },
  InvitationCancelled: { codec: asEventCodec(InvitationCancelledCodec) },
  InvitationDeclined: { codec: asEventCodec(InvitationDeclinedCodec) },
});
// #endregion upcaster
