import type * as t from 'io-ts';
import { idCodec } from '../shared/ids.js';

interface ProfileIdBrand {
  readonly ProfileId: unique symbol;
}
/** Identifies a payment profile; made outside the domain. */
export type ProfileId = t.Branded<string, ProfileIdBrand>;
/** Codec for {@link ProfileId}. */
export const ProfileIdCodec = idCodec<ProfileIdBrand, 'ProfileId'>('ProfileId');

/** The event stream of one payment profile. */
export const paymentProfileStream = (id: ProfileId): `paymentProfile-${string}` => `paymentProfile-${id}`;
