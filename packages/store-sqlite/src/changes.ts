import type Database from 'better-sqlite3';

/** Tells live subscriptions that the log may have grown. */
export interface ChangeFeed {
  /** Called after a commit by this store. */
  readonly notify: () => void;
  /** Calls `listener` on every change until the returned function is called; polls only while someone watches. */
  readonly watch: (listener: () => void) => () => void;
  readonly close: () => void;
}

/**
 * Appends by this store are announced at once; appends by other connections (other processes, or other
 * stores on the same file) are noticed by polling `PRAGMA data_version`, which changes only when another
 * connection commits and costs no read of the log.
 */
export const changeFeed = (db: Database.Database, pollIntervalMs: number): ChangeFeed => {
  const listeners = new Set<() => void>();
  let timer: NodeJS.Timeout | undefined;
  let lastVersion: unknown;

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const poll = () => {
    try {
      const version: unknown = db.pragma('data_version', { simple: true });
      if (version !== lastVersion) {
        lastVersion = version;
        notify();
      }
    } catch {
      // A closed or busy connection: the subscriptions' own reads report it; polling just tries again.
    }
  };
  const stopPolling = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };

  return {
    notify,
    watch: (listener) => {
      listeners.add(listener);
      if (timer === undefined) {
        try {
          lastVersion = db.pragma('data_version', { simple: true });
        } catch {
          lastVersion = undefined;
        }
        // Not unref'd: a process that is subscribed is waiting for events and should stay alive.
        timer = setInterval(poll, pollIntervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopPolling();
      };
    },
    close: () => {
      listeners.clear();
      stopPolling();
    },
  };
};
