import { demoNow } from '../calendar.js';
import { heading, type Style } from './style.js';

/** Where the demo's data lives, and what to try next on it with the `dossier` CLI, run the way `cli` says. */
export const printClosing = (style: Style, where: string, storeArgument: string, cli: string): string => {
  const store = `--store ${storeArgument}`;
  const commands: ReadonlyArray<readonly [string, string]> = [
    [`${cli} queue --now ${demoNow} ${store}`, 'the open-ticket queue (RM-1) as the demo showed it'],
    [`${cli} matrix pt-nusantara-digital ${store}`, "a profile's permission matrix (RM-2)"],
    [
      `${cli} replay paymentProfile-pt-nusantara-digital --as-of 2026-03-15T00:00:00.000Z ${store}`,
      'the profile as it stood on 15 March (before Eko joined), and the events that led there',
    ],
    [
      `${cli} audit paymentProfile-pt-nusantara-digital ${store}`,
      'who did what, when, through which command (RM-4)',
    ],
    [`${cli} verify ${store}`, "checks every stream's hash chain"],
    [`${cli} export --format csv ${store}`, 'every event, for a spreadsheet'],
  ];
  return [
    heading(style, 'Where the data lives'),
    `  ${where}\n`,
    heading(style, 'Next, try'),
    ...commands.map(([command, what]) => `  ${style.bold(command)}\n    ${style.dim(what)}\n`),
  ].join('');
};
