import { instantFromMillis, type Instant } from '../shared/instant.js';

const origin = Date.parse('2026-01-05T09:00:00.000Z'); // a Monday, 09:00 UTC

/** A fixed instant `n` days (plus optional hours) after Monday 2026-01-05 09:00 UTC, for fixtures. */
export const day = (n: number, hours = 0): Instant => instantFromMillis(origin + n * 86_400_000 + hours * 3_600_000);
