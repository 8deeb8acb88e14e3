import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { describeLocation, parseStoreLocation } from '../src/index.js';

describe('parseStoreLocation', () => {
  it('defaults to the embedded SQLite file', () => {
    expect(parseStoreLocation(undefined)).toEqual(E.right({ kind: 'sqlite', path: './.dossier/events.db' }));
    expect(parseStoreLocation('  ')).toEqual(E.right({ kind: 'sqlite', path: './.dossier/events.db' }));
  });

  it('reads sqlite:<path> and bare .db paths', () => {
    expect(parseStoreLocation('sqlite:/tmp/a.db')).toEqual(E.right({ kind: 'sqlite', path: '/tmp/a.db' }));
    expect(parseStoreLocation('data/events.db')).toEqual(E.right({ kind: 'sqlite', path: 'data/events.db' }));
  });

  it('reads single-node and cluster EventStoreDB connection strings', () => {
    expect(parseStoreLocation('esdb://localhost:2113?tls=false')).toEqual(
      E.right({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' }),
    );
    expect(parseStoreLocation('esdb+discover://a:2113,b:2113,c:2113')).toEqual(
      E.right({ kind: 'eventstoredb', connectionString: 'esdb+discover://a:2113,b:2113,c:2113' }),
    );
  });

  it.each([
    ['sqlite:', 'needs a file path'],
    ['postgres://db/events', 'unknown scheme "postgres"'],
    ['kurrentdb://localhost:2113', 'kurrentdb://'],
    ['events', 'not a store location'],
  ])('refuses %s, saying why and which forms work', (given, reason) => {
    const parsed = parseStoreLocation(given);
    expect(E.isLeft(parsed) && parsed.left).toMatchObject({ _tag: 'BadStoreLocation', given });
    if (E.isLeft(parsed)) {
      expect(parsed.left.reason).toContain(reason);
      expect(parsed.left.reason).toContain('sqlite:<path>');
    }
  });

  it('names a server without its credentials', () => {
    expect(
      describeLocation({ kind: 'eventstoredb', connectionString: 'esdb://admin:changeit@db:2113?tls=true' }),
    ).toBe('EventStoreDB at esdb://db:2113?tls=true');
  });
});
