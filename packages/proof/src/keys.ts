import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { fail, parsed, type Parsed } from './result.js';

/** An Ed25519 key pair as PEM text: PKCS#8 private, SPKI public (what `openssl genpkey -algorithm ed25519` writes). */
export interface SigningKeysPem {
  readonly privateKey: string;
  readonly publicKey: string;
}

/** A fresh Ed25519 key pair for signing checkpoints. */
export const generateSigningKeys = (): SigningKeysPem => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

const readKey = (
  pem: string,
  kind: 'private' | 'public',
  create: (pem: string) => KeyObject,
): Parsed<KeyObject> => {
  let key: KeyObject;
  try {
    key = create(pem);
  } catch (thrown) {
    return fail(`not a PEM ${kind} key: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    return fail(`an Ed25519 ${kind} key is needed, this one is ${key.asymmetricKeyType ?? 'symmetric'}`);
  return parsed(key);
};

/** An Ed25519 private key from PEM text (PKCS#8), or why not. */
export const readPrivateKey = (pem: string): Parsed<KeyObject> =>
  readKey(pem, 'private', (text) => createPrivateKey(text));

/**
 * An Ed25519 public key from PEM text (SPKI). A private key is refused: an auditor must be able to check
 * without holding what signs.
 */
export const readPublicKey = (pem: string): Parsed<KeyObject> =>
  /PRIVATE KEY/.test(pem)
    ? fail('this is a private key: give the public one (keygen writes public.pem beside it)')
    : readKey(pem, 'public', (text) => createPublicKey(text));

/** A key's id: the first 16 bytes (hex) of SHA-256 over its public key's DER (SPKI) encoding. */
export const keyIdOf = (key: KeyObject): string => {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
};
