import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { anaMayPurchase } from '../src/service.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

it('IN-4 the embedded service sees Ana able to purchase once the flow has activated her (SQLite file)', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-embed-'));
  folders.push(folder);
  expect(await anaMayPurchase(`sqlite:${join(folder, 'events.db')}`)).toBe(true);
});
