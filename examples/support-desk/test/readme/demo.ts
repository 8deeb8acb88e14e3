// The README's example; compiled with the package (the demo itself is run by demo.test.ts).
// #region example
import * as E from 'fp-ts/lib/Either.js';
import { runDemo } from '@dossier/example-support-desk';

const ran = await runDemo({ store: 'sqlite:./dossier-demo/events.db', out: process.stdout, color: true });
if (E.isLeft(ran)) throw new Error(`the demo could not run: ${ran.left._tag}`);
console.log(`${ran.right.progress}: ${ran.right.eventsAfter} events in ${ran.right.where}`);
// #endregion example
