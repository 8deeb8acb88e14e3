import type { EsdbClientLike } from './clientLike.js';

/**
 * Why a connection string's scheme cannot be used, or null when it can. `kurrentdb://` strings are for
 * @kurrent/kurrentdb-client: build a `KurrentDBClient` and pass it as `{ client }`.
 */
export const schemeProblem = (connectionString: string): string | null => {
  if (/^(kurrent|kurrentdb|kdb)(\+discover)?:\/\//i.test(connectionString)) {
    return (
      'createEventStoreDbStore: kurrentdb:// connection strings need @kurrent/kurrentdb-client; pass ' +
      '{ client: KurrentDBClient.connectionString(…) } instead of { connectionString }'
    );
  }
  if (!/^esdb(\+discover)?:\/\//i.test(connectionString)) {
    return 'createEventStoreDbStore: the connection string must start with esdb:// or esdb+discover://';
  }
  return null;
};

/**
 * A client for an `esdb://` (one node, or several hosts gossiping) or `esdb+discover://` (a cluster found
 * through DNS) connection string, TLS and credentials as the string says. @eventstore/db-client is loaded
 * here, on first use, and not when the package is imported: its generated protobuf classes share a global
 * namespace with @kurrent/kurrentdb-client's, and a process using a KurrentDBClient must never load both.
 */
export const connect = async (connectionString: string): Promise<EsdbClientLike> => {
  // An optional peer: a project that passes its own KurrentDBClient never installs it.
  const client = await import('@eventstore/db-client').catch(() => {
    throw new Error(
      'createEventStoreDbStore: esdb:// connection strings need @eventstore/db-client, which is not installed ' +
        '(npm install @eventstore/db-client), or pass { client } built with @kurrent/kurrentdb-client',
    );
  });
  return client.EventStoreDBClient.connectionString(connectionString);
};
