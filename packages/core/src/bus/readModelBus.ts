import type { Emitter } from 'mitt';
import { createEmitter } from '../store/emitter.js';

/** A read model changed: its projection's name and the global position its stored state now reflects. */
export interface ReadModelChanged {
  readonly projection: string;
  readonly position: bigint | null;
  /** `saved`: new events were folded in and saved; `rebuilt`: a fresh copy replaced the old one. */
  readonly reason: 'saved' | 'rebuilt';
}

/** The messages of the in-process bus. */
export interface BusMessages extends Record<string | symbol, unknown> {
  readonly readModelChanged: ReadModelChanged;
}

/** The in-process mitt bus a runner announces read-model changes on. */
export type ReadModelBus = Emitter<BusMessages>;

/** A new in-process bus; share one between runners and the views that listen. */
export const createReadModelBus = (): ReadModelBus => createEmitter<BusMessages>();

/**
 * Calls `listener` whenever a read model changes (only `projection`'s when given); returns the way to stop
 * listening.
 */
export const onReadModelChanged = (
  bus: ReadModelBus,
  listener: (change: ReadModelChanged) => void,
  projection?: string,
): (() => void) => {
  const handler = (change: ReadModelChanged): void => {
    if (projection === undefined || change.projection === projection) listener(change);
  };
  bus.on('readModelChanged', handler);
  return () => bus.off('readModelChanged', handler);
};
