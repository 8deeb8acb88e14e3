import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryStore, verifyCheckpoints } from '@dossier/core';
import { generateSigningKeys, parseCheckpoint, readPrivateKey, readPublicKey } from '@dossier/proof';
import { openCase, toCase } from '@dossier/projections/testing';
import { checkpointFiles, createDossier, dossierSchema } from '../src/index.js';
import { right } from './support/flowFixtures.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const keyOf = <A>(result: { ok: true; value: A } | { ok: false; reason: string }): A => {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('the periodic checkpoint writer', () => {
  it('writes a signed checkpoint every N events to the folder the operator chose, each one the log passes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-checkpoints-'));
    folders.push(folder);
    const pair = generateSigningKeys();
    const store = createInMemoryStore({ schema: dossierSchema });
    const dossier = createDossier({
      store,
      flows: false,
      checkpoints: {
        privateKey: keyOf(readPrivateKey(pair.privateKey)),
        everyEvents: 2,
        write: checkpointFiles(folder),
      },
    });
    await right(() => dossier.start());
    for (let i = 1; i <= 5; i++) {
      const { stream, command } = toCase(`case-${i}`, openCase({ id: `case-${i}` }));
      await right(dossier.execute('supportCase', stream, command));
    }
    await expect
      .poll(() => readdirSync(folder).filter((f) => f.endsWith('.json')).length)
      .toBeGreaterThanOrEqual(2);
    await dossier.stop();
    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const checkpoints = files.map((f) =>
      keyOf(parseCheckpoint(JSON.parse(readFileSync(join(folder, f), 'utf8')))),
    );
    const sizes = checkpoints.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(sizes.every((size, i) => i === 0 || size - (sizes[i - 1] ?? 0) >= 2)).toBe(true);
    const verified = await verifyCheckpoints(store, checkpoints, keyOf(readPublicKey(pair.publicKey)))();
    expect(E.isRight(verified) && verified.right.ok).toBe(true);
  });
});
