import { wib } from '../calendar.js';
import type { Played } from '../demo/play.js';
import { refusalDetails } from '../runtime/outcome.js';
import { heading, type Style } from './style.js';

/** Every refused command with its reason: the error's tag and its details, exactly as the domain returned them. */
export const printRefusals = (style: Style, played: ReadonlyArray<Played>): string => {
  const rows = played.flatMap((entry) =>
    entry.outcome.kind === 'refused'
      ? [
          [
            wib(entry.at),
            entry.says,
            style.yellow(entry.outcome.refusal._tag),
            refusalDetails(entry.outcome.refusal),
          ],
        ]
      : [],
  );
  if (rows.length === 0) return '';
  return `${heading(style, `Refused, with their reasons (${rows.length}; a refusal records nothing)`)}${style.table(['when', 'what was asked', 'refused with', 'details'], rows, [null, 52, null, 40])}\n`;
};
