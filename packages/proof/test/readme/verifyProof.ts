// The README's example, compiled with the package (the proofs themselves are checked by the other tests).
// #region example
import { readFileSync } from 'node:fs';
import { parseCheckpoint, parseEventProof, readPublicKey, verifyEventProof } from '@dossier/proof';

const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const checkpoint = parseCheckpoint(json('checkpoint.json'));
const proof = parseEventProof(json('proof.json'));
const key = readPublicKey(readFileSync('public.pem', 'utf8'));
if (checkpoint.ok && proof.ok && key.ok)
  console.log(verifyEventProof(proof.value, checkpoint.value, key.value));
// #endregion example
