// Constructing each store. Code written against the EventStore port runs unchanged on each of them: moving from
// SQLite to EventStoreDB changes the line that constructs the store, nothing else.
import { createInMemoryStore, type EventStore } from '@dossier/core';
import { createEventStoreDbStore } from '@dossier/store-eventstoredb';
import { createSqliteStore } from '@dossier/store-sqlite';
import { invitationSchema } from './schema.js';

// #region stores
/** In process memory: for tests, examples and property tests. */
export const inMemory = (): EventStore => createInMemoryStore({ schema: invitationSchema });

/** Embedded and durable: a file (`./.dossier/events.db` when no path is given), no server. */
export const sqlite = (path = './.dossier/events.db'): EventStore =>
  createSqliteStore({ path, schema: invitationSchema });

/** One EventStoreDB (or KurrentDB) node, without TLS: a development server. */
export const singleNode = (): EventStore =>
  createEventStoreDbStore(
    { connectionString: 'esdb://localhost:2113?tls=false' },
    { schema: invitationSchema },
  );

/** A 3-node cluster found through DNS, over TLS with the cluster's CA, as user `admin`. */
export const cluster = (): EventStore =>
  createEventStoreDbStore(
    {
      connectionString:
        'esdb+discover://admin:changeit@cluster.dossier.internal:2113?tls=true&tlsCAFile=/etc/eventstore/certs/ca.crt',
    },
    { schema: invitationSchema },
  );

/** A cluster named by its three nodes (gossip seeds), reading from a follower. */
export const seeds = (): EventStore =>
  createEventStoreDbStore(
    {
      connectionString:
        'esdb://node1.dossier.internal:2113,node2.dossier.internal:2113,node3.dossier.internal:2113?tls=true&nodePreference=follower',
    },
    { schema: invitationSchema },
  );
// #endregion stores
