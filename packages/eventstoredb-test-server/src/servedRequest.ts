// Kept apart from the handlers' context so that the package's public types never name the generated protocol
// classes: a user who installs only one of the two client packages must still type-check.

/** One append or read as the server served it (a BatchAppend stream carries many appends: each one counts). */
export type ServedRequest =
  | { readonly kind: 'append'; readonly stream: string; readonly events: number }
  /** One v2 AppendSession or AppendRecords: one round trip, atomic over its streams. */
  | {
      readonly kind: 'appendSession' | 'appendRecords';
      readonly streams: ReadonlyArray<{ readonly stream: string; readonly events: number }>;
    }
  | {
      readonly kind: 'read';
      readonly stream: string;
      readonly direction: 'forwards' | 'backwards';
      readonly from: 'start' | 'end' | bigint;
    }
  | { readonly kind: 'readAll'; readonly direction: 'forwards' | 'backwards' };
