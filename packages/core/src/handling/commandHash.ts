import { createHash } from 'node:crypto';
import { canonicalJson } from '../store/hashChain.js';

/** SHA-256 (hex) of a command's canonical JSON: equal commands hash alike whatever their key order. */
export const commandHash = (command: unknown): string =>
  createHash('sha256').update(canonicalJson(command)).digest('hex');
