import * as E from 'fp-ts/lib/Either.js';
import { defaultPath } from '@dossier/store-sqlite';

/** Where a Dossier store lives, parsed from `--store` or `DOSSIER_STORE`. */
export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

/** A store location that could not be understood, and what forms would be. */
export interface BadStoreLocation {
  readonly _tag: 'BadStoreLocation';
  readonly given: string;
  readonly reason: string;
}

const forms = 'use sqlite:<path>, esdb://host:2113?tls=false or esdb+discover://host1,host2,host3';

const bad = (given: string, reason: string): E.Either<BadStoreLocation, never> =>
  E.left({ _tag: 'BadStoreLocation', given, reason: `${reason}; ${forms}` });

/**
 * Parses a store location: `sqlite:<path>` (or a bare path ending in `.db`), `esdb://…` or `esdb+discover://…`.
 * Nothing given means the embedded default, `./.dossier/events.db`.
 */
export const parseStoreLocation = (given: string | undefined): E.Either<BadStoreLocation, StoreLocation> => {
  if (given === undefined || given.trim() === '') return E.right({ kind: 'sqlite', path: defaultPath });
  const text = given.trim();
  if (/^esdb(\+discover)?:\/\/[^/?]+/i.test(text))
    return E.right({ kind: 'eventstoredb', connectionString: text });
  if (/^(kurrent|kurrentdb|kdb)(\+discover)?:\/\//i.test(text))
    return bad(text, 'kurrentdb:// strings are not supported here yet; the same server answers esdb://');
  if (/^sqlite:/i.test(text)) {
    const path = text.slice('sqlite:'.length);
    return path === ''
      ? bad(text, 'sqlite: needs a file path after the colon')
      : E.right({ kind: 'sqlite', path });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
    return bad(text, `unknown scheme ${JSON.stringify(text.split(':')[0])}`);
  if (text.endsWith('.db') || text.endsWith('.sqlite')) return E.right({ kind: 'sqlite', path: text });
  return bad(text, 'not a store location');
};

/** The location as a person reads it: the file, or the server without credentials. */
export const describeLocation = (location: StoreLocation): string =>
  location.kind === 'sqlite'
    ? `SQLite file ${location.path}`
    : `EventStoreDB at ${location.connectionString.replace(/\/\/[^@/]*@/, '//')}`;
