import * as t from 'io-ts';
import { ActorCodec } from './ids.js';
import { InstantCodec } from './instant.js';
import { plainData } from './plainData.js';

/**
 * The codec of one command: its `type`, `at`, `actor` and `data`, no other field, read from a plain-data copy of the
 * input, so that what reaches `decide` is exactly what was decoded.
 */
export const commandCodec = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  plainData(t.strict({ type: t.literal(type), at: InstantCodec, actor: ActorCodec, data }));
