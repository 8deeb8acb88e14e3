import type { StoreUnavailable } from '@dossier/core';

/** The SQLite result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT_UNIQUE`, …) of a thrown value, if it has one. */
export const sqliteCode = (thrown: unknown): string | undefined => {
  if (typeof thrown !== 'object' || thrown === null || !('code' in thrown)) return undefined;
  const code = (thrown as { readonly code: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
};

/** Whether an insert failed on `UNIQUE(stream, revision)`: another writer got the revision first. */
export const isUniqueViolation = (thrown: unknown): boolean => {
  const code = sqliteCode(thrown);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));

/**
 * Turns whatever SQLite (or the file system) threw into a {@link StoreUnavailable} whose cause names the
 * file and says what to do about it, so that nothing is thrown across the port. `store` says which store the file
 * holds (the event store unless told), so that a message about the projection store does not name the wrong one.
 */
export const unavailable = (
  path: string,
  doing: string,
  thrown: unknown,
  busyTimeoutMs: number,
  store = 'the event store',
): StoreUnavailable => {
  const code = sqliteCode(thrown);
  const detail = messageOf(thrown);
  // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_FSYNC, …) share the primary code's advice.
  const primary = code?.split('_').slice(0, 2).join('_');
  const cause = (() => {
    switch (primary) {
      case 'SQLITE_BUSY':
      case 'SQLITE_LOCKED':
        return `${store} ${path} stayed locked by another connection for more than the busy timeout of ${busyTimeoutMs} ms (${code})`;
      case 'SQLITE_CANTOPEN':
        return `cannot open ${store} ${path}: it is missing, a directory, or not readable (${code}: ${detail})`;
      case 'SQLITE_NOTADB':
        return `${path} is not a SQLite database (${code})`;
      case 'SQLITE_CORRUPT':
        return `${store} ${path} is corrupt (${code}: ${detail})`;
      case 'SQLITE_READONLY':
        return `${store} ${path} is read-only (${code}: ${detail})`;
      case 'SQLITE_FULL':
        return `the disk holding ${path} is full (${code})`;
      case 'SQLITE_IOERR':
        return `reading or writing ${path} failed at the operating system (${code}: ${detail})`;
      case undefined:
        return `${store} ${path} failed: ${detail}`;
      default:
        return `${store} ${path} failed (${code}: ${detail})`;
    }
  })();
  return { _tag: 'StoreUnavailable', cause: `${doing}: ${cause}` };
};
