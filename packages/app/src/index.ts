/** Every domain event type with its codec, and the event schema Dossier's stores use. */
export { dossierEventTypes, dossierSchema } from './schema.js';
/** Parses `sqlite:<path>`, `esdb://…` and `esdb+discover://…` store locations, and names them for people. */
export { parseStoreLocation, describeLocation } from './location.js';
/** A parsed store location, and the error for one that cannot be parsed. */
export type { StoreLocation, BadStoreLocation } from './location.js';
/** Opens the store a location names, with Dossier's schema; never throws. */
export { openStore } from './openStore.js';
/** What {@link openStore} gives and takes. */
export type { OpenedStore, OpenStoreOptions } from './openStore.js';
