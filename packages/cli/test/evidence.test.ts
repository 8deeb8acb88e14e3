import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { profileStream } from './support/fill.js';
import { useFilledStore } from './support/fixture.js';
import { dossier } from './support/runCli.js';

const fixture = useFilledStore();
const at = (name: string): string => join(fixture.folder, name);
const run = (args: ReadonlyArray<string>) => dossier(args, { cwd: fixture.folder });
const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const opensslKey = (name: string): string =>
  new URL(`../../proof/test/fixtures/openssl-${name}.pem`, import.meta.url).pathname;

describe('keygen, checkpoint, prove and verify-proof', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    expect((await run(['keygen', '--output', at('keys')])).code).toBe(0);
  }, 60_000);

  it('keygen writes a private key only its owner can read and a public key, and never overwrites them', async () => {
    expect(statSync(at('keys/private.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(at('keys/public.pem'), 'utf8')).toContain('BEGIN PUBLIC KEY');
    const again = await run(['keygen', '--output', at('keys')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('never overwrites');
  });

  it('checkpoint prints a signed tree head that verify --checkpoint holds the log to, reading the store only', async () => {
    const before = digest(fixture.dbPath);
    const printed = await run(['checkpoint', '--key', at('keys/private.pem')]);
    expect(printed.code, printed.stderr).toBe(0);
    const checkpoint = JSON.parse(printed.stdout) as Record<string, unknown>;
    expect(checkpoint).toMatchObject({ format: 'dossier-checkpoint/1', size: 10 });
    writeFileSync(at('cp.json'), printed.stdout);
    const verified = await run([
      'verify',
      '--checkpoint',
      at('cp.json'),
      '--public-key',
      at('keys/public.pem'),
    ]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('the log extends it, appended to only');
    const json = JSON.parse(
      (await run(['verify', '--json', '--checkpoint', at('cp.json'), '--public-key', at('keys/public.pem')]))
        .stdout,
    ) as { ok: boolean; checkpoints: ReadonlyArray<{ ok: boolean }> };
    expect(json.ok).toBe(true);
    expect(json.checkpoints).toEqual([expect.objectContaining({ ok: true })]);
    expect(digest(fixture.dbPath)).toBe(before);
  });

  it('verify --checkpoint fails (exit 1) on an altered checkpoint or another key, and needs --public-key (exit 2)', async () => {
    await run(['checkpoint', '--key', at('keys/private.pem'), '--output', at('cp2.json')]);
    const altered = { ...(JSON.parse(readFileSync(at('cp2.json'), 'utf8')) as object), size: 9 };
    writeFileSync(at('altered.json'), JSON.stringify(altered));
    const refused = await run([
      'verify',
      '--checkpoint',
      at('altered.json'),
      '--public-key',
      at('keys/public.pem'),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('signature — the signature does not match');
    const foreign = await run([
      'verify',
      '--checkpoint',
      at('cp2.json'),
      '--public-key',
      opensslKey('public'),
    ]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('not by the key given');
    const keyless = await run(['verify', '--checkpoint', at('cp2.json')]);
    expect(keyless.code).toBe(2);
    const garbled = await run([
      'verify',
      '--checkpoint',
      at('keys/public.pem'),
      '--public-key',
      at('keys/public.pem'),
    ]);
    expect(garbled.code).toBe(2);
    expect(garbled.stderr).toContain('is not JSON');
  });

  it("checkpoint --hashes keeps each event hash beside the checkpoint, never over a file; verify uses only a checkpoint's own", async () => {
    const signed = await run([
      'checkpoint',
      '--key',
      at('keys/private.pem'),
      '--output',
      at('cp3.json'),
      '--hashes',
      at('cp3.hashes'),
    ]);
    expect(signed.code, signed.stderr).toBe(0);
    const lines = readFileSync(at('cp3.hashes'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(10);
    expect(lines.every((line) => /^[0-9a-f]{64}$/.test(line))).toBe(true);
    const again = await run(['checkpoint', '--key', at('keys/private.pem'), '--hashes', at('cp3.hashes')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    const key = ['--public-key', at('keys/public.pem')];
    const verified = await run([
      'verify',
      '--checkpoint',
      at('cp3.json'),
      '--hashes',
      at('cp3.hashes'),
      ...key,
    ]);
    expect(verified.code, verified.stderr).toBe(0);
    // Hashes that are not the checkpoint's (one changed, one missing) are refused: they could misplace the parting.
    writeFileSync(at('changed.hashes'), [`${'0'.repeat(64)}`, ...lines.slice(1), ''].join('\n'));
    writeFileSync(at('short.hashes'), [...lines.slice(0, 9), ''].join('\n'));
    for (const file of ['changed.hashes', 'short.hashes']) {
      const refused = await run(['verify', '--checkpoint', at('cp3.json'), '--hashes', at(file), ...key]);
      expect(refused.code, file).toBe(2);
      expect(refused.stderr).toContain('are not the hashes of any --checkpoint given');
    }
    writeFileSync(at('garbled.hashes'), 'not a hash\n');
    const garbled = await run([
      'verify',
      '--checkpoint',
      at('cp3.json'),
      '--hashes',
      at('garbled.hashes'),
      ...key,
    ]);
    expect(garbled.code).toBe(2);
    expect(garbled.stderr).toContain('line 1: expected an event');
    const alone = await run(['verify', '--hashes', at('cp3.hashes')]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--hashes goes with the --checkpoint');
  });

  it('accepts keys made by openssl genpkey -algorithm ed25519', async () => {
    const signed = await run(['checkpoint', '--key', opensslKey('private'), '--output', at('openssl.json')]);
    expect(signed.code, signed.stderr).toBe(0);
    const verified = await run([
      'verify',
      '--checkpoint',
      at('openssl.json'),
      '--public-key',
      opensslKey('public'),
    ]);
    expect(verified.code, verified.stderr).toBe(0);
  });

  it('prove writes a proof that verify-proof checks with no store; an altered event fails it', async () => {
    await run(['checkpoint', '--key', at('keys/private.pem'), '--output', at('cp3.json')]);
    const proved = await run([
      'prove',
      profileStream,
      '2',
      '--checkpoint',
      at('cp3.json'),
      '--output',
      at('proof.json'),
    ]);
    expect(proved.code, proved.stderr).toBe(0);
    // No store is read: DOSSIER_STORE points nowhere.
    const check = (proof: string) =>
      dossier(
        ['verify-proof', proof, '--checkpoint', at('cp3.json'), '--public-key', at('keys/public.pem')],
        {
          cwd: fixture.folder,
          env: { DOSSIER_STORE: 'sqlite:/nowhere/events.db' },
        },
      );
    const ok = await check(at('proof.json'));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      new RegExp(`${profileStream} revision 2 .* is event \\d+ of the 10 in the checkpoint`),
    );
    const proof = JSON.parse(readFileSync(at('proof.json'), 'utf8')) as { event: { data: object } };
    writeFileSync(
      at('forged.json'),
      JSON.stringify({ ...proof, event: { ...proof.event, data: { ...proof.event.data, forged: true } } }),
    );
    const forged = await check(at('forged.json'));
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('the event was altered');
  });

  it('prove refuses an unknown event (exit 1), a bad revision and a missing checkpoint (exit 2)', async () => {
    await run(['checkpoint', '--key', at('keys/private.pem'), '--output', at('cp4.json')]);
    expect((await run(['prove', profileStream, '99', '--checkpoint', at('cp4.json')])).code).toBe(1);
    expect((await run(['prove', profileStream, 'two', '--checkpoint', at('cp4.json')])).code).toBe(2);
    expect((await run(['prove', profileStream, '1', '--checkpoint', at('none.json')])).code).toBe(2);
  });
});
