/** JSON for scripts: bigints (revisions, positions) become decimal strings, so nothing is lost or thrown. */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
