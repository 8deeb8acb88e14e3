import { wib } from '../calendar.js';
import type { Played } from '../demo/play.js';
import type { Topic } from '../scenario/index.js';
import { heading, type Style } from './style.js';

const chapters: ReadonlyArray<readonly [Topic | 'scheduler', string]> = [
  ['profiles', 'Payment profiles'],
  ['invitations', 'Invitations'],
  ['scheduler', 'Expiry scheduler'],
  ['cases', 'Support cases'],
  ['incident', 'Platform incident'],
];

const mark = (style: Style, entry: Played): string => {
  if (entry.surprise !== undefined) return style.red('!');
  switch (entry.outcome.kind) {
    case 'accepted':
      return style.green('✓');
    case 'repeated':
      return style.dim('=');
    case 'refused':
      return style.yellow('✗');
    case 'failed':
      return style.red('!');
  }
};

const line = (style: Style, entry: Played): string => {
  const refusal = entry.outcome.kind === 'refused' ? style.yellow(`  → ${entry.outcome.refusal._tag}`) : '';
  const surprise = entry.surprise === undefined ? '' : style.red(`  (${entry.surprise})`);
  return `  ${mark(style, entry)} ${style.dim(wib(entry.at))}  ${entry.says}${refusal}${surprise}\n`;
};

/** The story as it was played, chapter by chapter: ✓ accepted, ✗ refused, = already recorded by an earlier run. */
export const printStory = (style: Style, played: ReadonlyArray<Played>): string =>
  chapters
    .map(([topic, title]) => {
      const entries = played.filter((entry) => entry.topic === topic);
      return entries.length === 0
        ? ''
        : heading(style, title) + entries.map((entry) => line(style, entry)).join('');
    })
    .join('');
