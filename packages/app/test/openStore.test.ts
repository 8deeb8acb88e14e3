import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { handle } from '@dossier/core';
import { decodeSupportCaseCommand, supportCase, supportCaseStream, type CaseId } from '@dossier/domain';
import { openStore, type OpenedStore } from '../src/index.js';

const openCaseJson = {
  type: 'OpenCase',
  at: '2026-03-06T16:30:00+01:00',
  actor: { id: 'u-ana', email: 'ana@acme.example' },
  data: {
    caseId: 'case-1001',
    customer: { id: 'acme', plan: 'team', paidAddOns: [], offeredChannels: ['chat'] },
    requester: { organisationRole: 'administrator', registeredEmail: 'ana@acme.example' },
    channel: 'chat',
    topic: {
      category: 'technical',
      project: { project: 'acme-mobile', requesterAccess: 'developer' },
      scope: { area: 'troubleshooting', subject: 'unexpected-behaviour', feature: 'live-updates' },
    },
    subject: 'Live updates stopped reaching Android devices',
    impact: {
      usersAffected: 40,
      serviceUnavailable: true,
      widespreadMailDelay: false,
      breaksCollaboration: false,
      workaroundExists: false,
      functionNeeded: true,
    },
    premium: false,
  },
};

const folders: string[] = [];
const opened: OpenedStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.store.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const sqliteIn = async (): Promise<OpenedStore> => {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-app-'));
  folders.push(folder);
  const result = await openStore(`sqlite:${join(folder, 'events.db')}`)();
  if (E.isLeft(result)) throw new Error(`could not open: ${result.left._tag}`);
  opened.push(result.right);
  return result.right;
};

describe('openStore', () => {
  it('opens SQLite with the domain schema: a decoded command is handled, and its events read back typed', async () => {
    const { store, description } = await sqliteIn();
    expect(description).toMatch(/^SQLite file .*events\.db$/);
    const command = decodeSupportCaseCommand(openCaseJson);
    if (E.isLeft(command)) throw new Error('the fixture must decode');
    const stream = supportCaseStream('case-1001' as CaseId);
    const handled = await handle(store, supportCase, {
      stream,
      command: command.right,
      context: { commandId: randomUUID(), actor: 'u-ana' },
    })();
    expect(E.isRight(handled)).toBe(true);
    const read = await store.readStream(stream)();
    expect(E.isRight(read) && read.right.map((e) => e.type)).toEqual(['CaseOpened']);
    expect(E.isRight(read) && read.right[0]?.data).toMatchObject({ caseId: 'case-1001', priority: 'P1' });
  });

  it('refuses, writing nothing, an event that fails its codec or whose type the domain does not know', async () => {
    const { store } = await sqliteIn();
    const bad = await store.append('supportCase-x', 'no-stream', [
      { type: 'CaseOpened', data: { caseId: 42 }, metadata: { eventId: randomUUID() } },
    ])();
    expect(E.isLeft(bad) && bad.left).toMatchObject({ _tag: 'InvalidEvent', stream: 'supportCase-x' });
    const unknown = await store.append('supportCase-x', 'no-stream', [
      { type: 'CaseReopened', data: {}, metadata: { eventId: randomUUID() } },
    ])();
    expect(E.isLeft(unknown) && unknown.left).toMatchObject({ _tag: 'InvalidEvent' });
    const read = await store.readStream('supportCase-x')();
    expect(E.isLeft(read) && read.left._tag).toBe('StreamNotFound');
  });

  it('answers a location it cannot parse with BadStoreLocation, and an unopenable file with StoreUnavailable', async () => {
    const parsed = await openStore('mysql://db')();
    expect(E.isLeft(parsed) && parsed.left._tag).toBe('BadStoreLocation');
    const missing = await openStore('sqlite:/nonexistent-dir/for/sure/events.db', { readOnly: true })();
    expect(E.isLeft(missing) && missing.left._tag).toBe('StoreUnavailable');
  });
});
