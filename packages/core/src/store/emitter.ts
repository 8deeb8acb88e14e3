import mittModule, { type Emitter, type EventType } from 'mitt';

type Mitt = <Events extends Record<EventType, unknown>>() => Emitter<Events>;

// mitt's types describe a CommonJS module while Node and vitest load its ESM build: take the function from
// whichever shape arrives.
const loaded = mittModule as unknown as Mitt | { readonly default: Mitt };

/** A mitt emitter, whatever module format mitt was loaded in. */
export const createEmitter: Mitt = typeof loaded === 'function' ? loaded : loaded.default;
