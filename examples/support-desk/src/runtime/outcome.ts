import { isExecuteFailure } from '@dossier/app';
import type { CommandIdReused, StoreError } from '@dossier/core';
import type { DecodeFailed } from '@dossier/domain';

/** A command sent to a stream of another aggregate (a bug in the script). */
interface Misaddressed {
  readonly _tag: 'StreamOfAnotherAggregate';
}

/** A domain refusal: the `_tag` says why, the other fields give the details. */
export interface Refusal {
  readonly _tag: string;
}

/** What became of one command. */
export type Outcome =
  | { readonly kind: 'accepted'; readonly events: ReadonlyArray<string> }
  /** The store already held this command id: nothing was appended again. */
  | { readonly kind: 'repeated'; readonly events: ReadonlyArray<string> }
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  | { readonly kind: 'failed'; readonly error: StoreError | CommandIdReused | Misaddressed | DecodeFailed };

/** Whether an error from `handle` is the store's or the handler's (a failure), not the domain's (a refusal). */
export const isFailure = (
  error: Refusal,
): error is StoreError | CommandIdReused | Misaddressed | DecodeFailed => isExecuteFailure(error);

/** The refusal's details as `key: value` pairs, for people. */
export const refusalDetails = (refusal: Refusal): string =>
  Object.entries(refusal)
    .filter(([key]) => key !== '_tag')
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
