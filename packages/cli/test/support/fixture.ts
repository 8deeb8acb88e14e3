import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildCli } from './build.js';
import { fillStore } from './fill.js';

/** A temporary folder holding a filled store at `.dossier/events.db`, the CLI's default location. */
export interface Fixture {
  readonly folder: string;
  readonly dbPath: string;
}

/** Builds the CLI and fills a store in a fresh temporary folder before the file's tests; removes it after. */
export const useFilledStore = (): Fixture => {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
  const fixture = { folder, dbPath: join(folder, '.dossier', 'events.db') };
  beforeAll(async () => {
    buildCli();
    await fillStore(fixture.dbPath);
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return fixture;
};
