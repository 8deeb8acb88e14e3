import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { put } from '@dossier/core';
import { openProjectionStore, projectionsPathFor } from '../src/index.js';
import { right } from './support/flowFixtures.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the projection store for a location', () => {
  it('sits beside a SQLite event file, and nowhere for EventStoreDB or an in-memory SQLite', () => {
    expect(projectionsPathFor({ kind: 'sqlite', path: '.dossier/events.db' })).toBe(
      join('.dossier', 'projections.db'),
    );
    expect(projectionsPathFor({ kind: 'sqlite', path: '/data/shop.db' })).toBe('/data/shop.projections.db');
    expect(projectionsPathFor({ kind: 'sqlite', path: ':memory:' })).toBeNull();
    expect(
      projectionsPathFor({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113' }),
    ).toBeNull();
  });

  it('keeps what is saved in its file: a store opened again for the same location finds it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-states-'));
    folders.push(folder);
    const location = { kind: 'sqlite', path: join(folder, 'events.db') } as const;
    const key = { name: 'openTicketQueue', version: 1, generation: 0 };
    const first = openProjectionStore(location);
    await right(first.reset(key));
    await right(
      first.save({ key, changes: [put('cases', 'supportCase-a', { open: true })], checkpoint: 7n }),
    );
    await right(first.promote(key));
    await first.close();
    const again = openProjectionStore(location);
    expect(await right(again.current('openTicketQueue'))).toEqual({ key, checkpoint: 7n });
    expect(again.rows(key).get('cases', 'supportCase-a')).toEqual({ open: true });
    await again.close();
  });

  it('answers StoreUnavailable, without throwing, for a file it cannot open', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-states-'));
    folders.push(folder);
    const store = openProjectionStore({ kind: 'eventstoredb', connectionString: 'esdb://x' }, folder); // a folder
    const current = await store.current('openTicketQueue')();
    expect(current).toMatchObject({ _tag: 'Left', left: { _tag: 'StoreUnavailable' } });
    await store.close();
  });
});
