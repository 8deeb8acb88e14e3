import * as E from 'fp-ts/lib/Either.js';
import { parseInstant, type Instant } from '@dossier/domain';
import { usageError, type CliFailure } from './failure.js';

/** Parses an instant given on the command line (`--as-of`, `--now`), or says how to write one. */
export const instantOption = (option: string, given: string): E.Either<CliFailure, Instant> =>
  E.mapLeft(() =>
    usageError(
      `${option} ${JSON.stringify(given)} is not an instant: give an ISO-8601 date-time with an offset, such as 2026-03-01T09:30:00Z or 2026-03-01T16:30:00+07:00`,
    ),
  )(parseInstant(given));
