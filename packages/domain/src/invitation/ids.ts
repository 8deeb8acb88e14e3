import type * as t from 'io-ts';
import { idCodec } from '../shared/ids.js';

interface InvitationIdBrand {
  readonly InvitationId: unique symbol;
}
/**
 * Identifies an invitation; made outside the domain and unique across all profiles (a UUID, say), because the
 * Invitation stream is keyed by it alone.
 */
export type InvitationId = t.Branded<string, InvitationIdBrand>;
/** Codec for {@link InvitationId}. */
export const InvitationIdCodec = idCodec<InvitationIdBrand, 'InvitationId'>('InvitationId');

/** The event stream of one invitation. */
export const invitationStream = (id: InvitationId): `invitation-${string}` => `invitation-${id}`;
