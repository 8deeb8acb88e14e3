// What a test server takes and what it gives back: the package's public surface, written without the clients'
// generated types so that a project with only one of the two clients installed type-checks against it.
import type { ServedRequest } from './servedRequest.js';
import type { Faults } from './faults.js';
import type { Store } from './storage.js';

/** The client packages whose generated protocol code the server can load. */
export type ClientPackage = '@eventstore/db-client' | '@kurrent/kurrentdb-client';

export interface TestServerOptions {
  /**
   * The client package your code uses; the server loads that package's generated protocol code. The two
   * clients' generated classes share one process-wide namespace, so use one client per process.
   */
  readonly client: ClientPackage;
  /**
   * Whether GetSupportedMethods lists Streams.BatchAppend (default true, like real
   * servers). The client appends with BatchAppend when it is listed and with Append
   * otherwise; both are served either way.
   */
  readonly advertiseBatchAppend?: boolean;
  /**
   * Serve KurrentDB 25.1's v2 StreamsService.AppendSession (kurrentdb-client's `multiStreamAppend`) and list it in
   * GetSupportedMethods (default true; only with `@kurrent/kurrentdb-client`, whose package ships that protocol).
   * Off, the server is a 24.10 one: the client's multiStreamAppend answers UnsupportedError.
   */
  readonly multiStreamAppend?: boolean;
  /**
   * Serve KurrentDB 26's v2 StreamsService.AppendRecords (kurrentdb-client's `appendRecords`: one unary call, records
   * naming their streams, consistency checks on any stream) and list it (default true, with `multiStreamAppend`).
   * Off, the server is a 25.1 one: AppendSession without AppendRecords.
   */
  readonly appendRecords?: boolean;
  /** Serve ServerFeatures at all (default true). Off, it answers UNIMPLEMENTED, as a 20.x server does. */
  readonly serverFeatures?: boolean;
  /**
   * Reported by GetSupportedMethods: by default '26.1.0' when AppendRecords is served, '25.1.0' when only
   * AppendSession is, '24.10.0' when `multiStreamAppend` is off. The clients choose methods by the list, not by the
   * version (the client's own tests choose by the version).
   */
  readonly serverVersion?: string;
  /** Maximum bytes per append (default 1 MiB, the server's default). */
  readonly maxAppendSize?: number;
  /**
   * Start with the records a new database holds (default true): the epoch, the default users `admin` and `ops`, the
   * system projections' registrations, all in `$`-prefixed streams with `$`-prefixed types. `false` starts `$all` empty.
   */
  readonly systemEvents?: boolean;
  /**
   * Run the standard projections from the start (default false, as a node started without
   * `--start-standard-projections`): `$by_category`, `$by_event_type`, `$streams`, `$stream_by_category` and
   * `$by_correlation_id` write their streams of links as events are written. Either way they can be enabled and
   * disabled through the Projections service (the clients' `enableProjection`/`disableProjection`).
   */
  readonly startStandardProjections?: boolean;
  /**
   * Serve TLS with this certificate chain and private key (PEM) instead of plain HTTP/2. The clients send
   * credentials over TLS only, so `authentication` needs it to be of use to them. The certificate must name
   * 127.0.0.1 (or the host your client dials); give the client its CA (`tlsCAFile`, or `rootCertificate`).
   */
  readonly tls?: { readonly certChain: Buffer; readonly privateKey: Buffer };
  /**
   * Check credentials and stream ACLs, as a secure node does (default false, as an insecure node: nothing is
   * checked). Default users `admin` and `ops`, password `changeit`; see the README for the rules.
   */
  readonly authentication?: boolean;
  /** The clock for `created` (default: the system clock). */
  readonly clock?: () => Date;
  /** How long stop() lets calls finish before cutting them (default 100 ms). */
  readonly shutdownGraceMs?: number;
  /**
   * Serve through a TCP relay and the fault hooks, so that `faults` can drop connections, delay, time out, answer
   * NotLeader or go silent (default false: no relay, no hooks). `url`, `kurrentUrl` and `port` are then the relay's.
   */
  readonly faults?: boolean;
}

export interface TestServer {
  /** `esdb://127.0.0.1:PORT?tls=false` (`tls=true` when serving TLS), for `EventStoreDBClient.connectionString`. */
  readonly url: string;
  /** `kurrentdb://127.0.0.1:PORT?tls=false`, for `KurrentDBClient.connectionString`. */
  readonly kurrentUrl: string;
  readonly host: string;
  readonly port: number;
  /** The storage, to inspect (or seed) in tests. */
  readonly store: Store;
  /** The paths of the calls served so far, in order, e.g. `/event_store.client.streams.Streams/BatchAppend`. */
  readonly calls: readonly string[];
  /**
   * Every append (one per append request, whether over Append or a BatchAppend stream) and every read of a stream
   * or of `$all`, in order: how a test counts the round trips its code makes. Clear it with `requests.length = 0`.
   */
  readonly requests: ServedRequest[];
  /** Faults to inject into the calls that follow (a server started with `{ faults: true }` only). */
  readonly faults: Faults;
  /** Ends open calls (after a short grace) and closes the port. */
  stop(): Promise<void>;
}
