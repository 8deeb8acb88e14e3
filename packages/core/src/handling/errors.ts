import type { DecodeFailed } from '../decider.js';
import type { StoreError } from '../store/errors.js';
import type { StreamName } from '../store/types.js';

/** A command id already used on this stream for a command with other content: refused, nothing appended. */
export interface CommandIdReused {
  readonly _tag: 'CommandIdReused';
  readonly commandId: string;
  readonly stream: StreamName;
}

/** Builds a {@link CommandIdReused}. */
export const commandIdReused = (commandId: string, stream: StreamName): CommandIdReused => ({
  _tag: 'CommandIdReused',
  commandId,
  stream,
});

/**
 * Every way handling a command can fail: the request did not decode, the domain refused it, the store failed, or
 * its id was reused.
 */
export type HandleError<Err> = Err | StoreError | CommandIdReused | DecodeFailed;
