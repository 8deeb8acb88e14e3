import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createFrontier,
  firstDivergence,
  generateSigningKeys,
  keyIdOf,
  leafHash,
  parseCheckpoint,
  readPrivateKey,
  readPublicKey,
  signCheckpoint,
  verifyCheckpoint,
  type Checkpoint,
} from '@dossier/proof';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const key = <A>(result: { ok: true; value: A } | { ok: false; reason: string }): A => {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

const treeOf = (count: number, salt = 0) => {
  const frontier = createFrontier();
  for (let i = 0; i < count; i++) frontier.push(leafHash(Uint8Array.of(i, salt)));
  return { size: count, root: frontier.root(), subtrees: frontier.subtrees() };
};

const at = '2026-12-04T16:00:00.000Z';

describe('checkpoints', () => {
  const pair = generateSigningKeys();
  const privateKey = key(readPrivateKey(pair.privateKey));
  const publicKey = key(readPublicKey(pair.publicKey));

  it('verifies with the public key of the private key that signed it, after a trip through JSON', () => {
    const checkpoint = signCheckpoint(treeOf(13), privateKey, at);
    expect(checkpoint).toMatchObject({ format: 'dossier-checkpoint/1', size: 13, timestamp: at });
    expect(checkpoint.keyId).toBe(keyIdOf(publicKey));
    const read = key(parseCheckpoint(JSON.parse(JSON.stringify(checkpoint))));
    expect(verifyCheckpoint(read, publicKey)).toEqual({ ok: true });
  });

  it.each([
    ['size', (c: Checkpoint) => ({ ...c, size: c.size + 1 })],
    ['root', (c: Checkpoint) => ({ ...c, root: 'a'.repeat(64) })],
    ['timestamp', (c: Checkpoint) => ({ ...c, timestamp: '2026-12-05T16:00:00.000Z' })],
    ['subtrees', (c: Checkpoint) => ({ ...c, subtrees: c.subtrees.map(() => 'b'.repeat(64)) })],
  ])('fails when its %s was changed', (_, change) => {
    const checkpoint = signCheckpoint(treeOf(13), privateKey, at);
    expect(verifyCheckpoint(change(checkpoint), publicKey).ok).toBe(false);
  });

  it("fails with another key, naming both keys' ids", () => {
    const checkpoint = signCheckpoint(treeOf(5), privateKey, at);
    const other = key(readPublicKey(generateSigningKeys().publicKey));
    const verdict = verifyCheckpoint(checkpoint, other);
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining(keyIdOf(other)) as unknown });
  });

  it('accepts keys made by openssl genpkey -algorithm ed25519', () => {
    const opensslPrivate = key(readPrivateKey(fixture('openssl-private.pem')));
    const opensslPublic = key(readPublicKey(fixture('openssl-public.pem')));
    const checkpoint = signCheckpoint(treeOf(3), opensslPrivate, at);
    expect(verifyCheckpoint(checkpoint, opensslPublic)).toEqual({ ok: true });
  });

  it('refuses an RSA key, a private key given as public, and text that is no key, saying why', () => {
    expect(readPrivateKey(fixture('rsa-private.pem'))).toEqual({
      ok: false,
      reason: expect.stringContaining('Ed25519') as unknown,
    });
    expect(readPublicKey(fixture('openssl-private.pem'))).toEqual({
      ok: false,
      reason: expect.stringContaining('private key') as unknown,
    });
    expect(readPublicKey('hello').ok).toBe(false);
  });

  it('refuses malformed checkpoints field by field', () => {
    const good = JSON.parse(JSON.stringify(signCheckpoint(treeOf(2), privateKey, at))) as Record<
      string,
      unknown
    >;
    for (const [field, value] of [
      ['format', 'x'],
      ['size', -1],
      ['root', 'zz'],
      ['subtrees', 'no'],
      ['timestamp', 'soon'],
      ['keyId', 7],
      ['signature', '***'],
    ] as const)
      expect(parseCheckpoint({ ...good, [field]: value }), field).toEqual({
        ok: false,
        reason: expect.stringContaining(field) as unknown,
      });
    expect(parseCheckpoint([]).ok).toBe(false);
  });
});

describe('firstDivergence', () => {
  it('bounds the first changed leaf by the first subtree that differs', () => {
    const original = treeOf(13);
    const hex = original.subtrees.map((h) => Buffer.from(h).toString('hex'));
    const frontier = createFrontier();
    for (let i = 0; i < 13; i++) frontier.push(leafHash(Uint8Array.of(i, i === 12 ? 9 : 0)));
    // 13 = 8 + 4 + 1: leaf 12 is a subtree of its own, so the bound is exact.
    expect(firstDivergence(hex, frontier.subtrees(), 13)).toEqual({ from: 12, until: 13 });
    expect(firstDivergence(hex, original.subtrees, 13)).toBeUndefined();
  });
});
