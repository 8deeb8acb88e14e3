/** Values returned by every check: a verdict, or a parsed value, with the reason when not. */
export type { Verdict, Parsed } from './result.js';
/** RFC 9162 hashing: leaves prefixed 0x00, nodes 0x01, SHA-256; and hex helpers. */
export { leafHash, nodeHash, emptyRoot, sameHash, toHex, hashFromHex } from './hashes.js';
/** A SHA-256 digest. */
export type { Hash } from './hashes.js';
/** The compact range of a streamed log: O(log n) hashes give its root. */
export { createFrontier, rootOfSubtrees, subtreeSizes } from './frontier.js';
/** A frontier. */
export type { Frontier } from './frontier.js';
/** Tree heads and proofs computed over leaves by index (RFC 9162 §2.1). */
export { subtreeRoot, inclusionProof, consistencyProof } from './tree.js';
/** Leaf hashes by index. */
export type { LeafAt } from './tree.js';
/** A log's leaves packed in one buffer, for computing proofs. */
export { createLeafLog } from './leafLog.js';
/** A packed leaf log. */
export type { LeafLog } from './leafLog.js';
/** RFC 9162 verification of inclusion and consistency proofs. */
export { verifyInclusion, verifyConsistency } from './verify.js';
/** The claims those verifications check. */
export type { InclusionClaim, ConsistencyClaim } from './verify.js';
/** Ed25519 keys: make a pair, read PEM, name a key. */
export { generateSigningKeys, readPrivateKey, readPublicKey, keyIdOf } from './keys.js';
/** A key pair as PEM text. */
export type { SigningKeysPem } from './keys.js';
/** Signed tree heads: sign, verify, parse, and the bytes signed. */
export {
  CHECKPOINT_FORMAT,
  signCheckpoint,
  verifyCheckpoint,
  parseCheckpoint,
  checkpointMessage,
} from './checkpoint.js';
/** A signed tree head and an unsigned one. */
export type { Checkpoint, TreeHead } from './checkpoint.js';
/** Where a log parts from a checkpoint, as far as its subtrees tell. */
export { firstDivergence } from './consistency.js';
/** The range of leaves a divergence lies in. */
export type { Divergence } from './consistency.js';
/** Dossier's event hash, restated: canonical JSON and the chain hash. */
export { canonicalJson, eventHash } from './eventHash.js';
/** An event as a proof carries it. */
export type { ProvenEvent } from './eventHash.js';
/** Inclusion proofs of one event: the leaf, the check, and parsing. */
export { INCLUSION_PROOF_FORMAT, eventLeaf, verifyEventProof, parseEventProof } from './eventProof.js';
/** One event's inclusion proof. */
export type { EventInclusionProof } from './eventProof.js';
