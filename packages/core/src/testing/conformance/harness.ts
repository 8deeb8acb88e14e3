import type { EventStore } from '../../store/port.js';
import type { EventSchema } from '../../store/schema.js';
import type { StreamName } from '../../store/types.js';

/** A way to damage one stored event behind the port's back, which the port itself refuses to do. */
export type Corruption =
  /** Replace the stored data with something that does not decode (bytes that are not JSON, or JSON the type's codec rejects). */
  | { readonly kind: 'garble-data' }
  /** Replace the stored event type with `type`, which the schema does not know. */
  | { readonly kind: 'unknown-type'; readonly type: string }
  /** Replace the stored data with `data`, still valid for its type, leaving the hash as it was. */
  | { readonly kind: 'edit-data'; readonly data: unknown };

/** The names of the {@link Corruption}s. */
export type CorruptionKind = Corruption['kind'];

/** A store under test, and the adapter's back door for damaging it. */
export interface ConformanceSubject {
  readonly store: EventStore;
  /** Damages the event at `revision` of `stream` in place: same stream, revision and position. */
  readonly corrupt?: (stream: StreamName, revision: bigint, how: Corruption) => Promise<void>;
}

/** What an adapter supplies to run the conformance suite. */
export interface ConformanceHarness {
  /** A new, empty store that validates and decodes with `schema`; called once per test. */
  readonly create: (options: { readonly schema: EventSchema }) => Promise<ConformanceSubject>;
  /** Frees what `create` made (files, connections); `store.close()` when omitted. */
  readonly dispose?: (subject: ConformanceSubject) => Promise<void>;
  /**
   * The corruptions each subject's `corrupt` can make; tests needing others are not registered. All three
   * when omitted; `[]` for a store that cannot be damaged in place (then `corrupt` may be left out).
   */
  readonly corruptions?: ReadonlyArray<CorruptionKind>;
}
