import { canonicalJson, sha256Hex } from '../store/hashChain.js';

/** SHA-256 (hex) of a command's canonical JSON: equal commands hash alike whatever their key order. */
export const commandHash = (command: unknown): string => sha256Hex(canonicalJson(command));
