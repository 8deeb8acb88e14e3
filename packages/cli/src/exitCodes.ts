/**
 * The exit codes scripts can rely on; `dossier --help` and the package README list the same table.
 * 1 is a negative answer (the history is altered, or what was asked for is not there), never a crash.
 */
export const exitCodes = {
  ok: 0,
  /** `verify` found a broken hash chain, or the stream or profile asked for does not exist. */
  notFoundOrBroken: 1,
  /** Bad arguments: an unknown option, a malformed instant, a bad `--store`. */
  usage: 2,
  /** The store cannot be used: a missing or locked file, an unreachable server, a time-out. */
  storeUnavailable: 3,
  /** The log holds an event that cannot be decoded; `dossier verify` says where. */
  unreadableEvent: 4,
  /** A bug in dossier itself. */
  internal: 70,
} as const;

/** One of {@link exitCodes}. */
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** The exit-code table as `--help` prints it. */
export const exitCodeHelp = `
Exit codes:
  0   success
  1   verification failed (a hash chain is broken), or the stream or profile does not exist
  2   usage error: bad arguments, a malformed instant, a bad --store
  3   store unavailable: missing or locked database, unreachable EventStoreDB, time-out
  4   an event in the log cannot be decoded (run dossier verify to see where)
  70  internal error in dossier (please report it)`;
