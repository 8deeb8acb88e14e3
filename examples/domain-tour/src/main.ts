// `node dist/src/main.js`: prints what each file of the tour decides.
import { aCaseFromStartToEnd } from './caseLifecycle.js';
import { inviteAndAccept } from './invitationFlow.js';
import { openACase, openCaseRequest } from './openACase.js';
import { citraInvites, latticeFacts } from './permissions.js';
import { friday } from './people.js';
import { handleAndVerify } from './stores/handleAndVerify.js';
import { dueTimes, jakartaPolicy } from './supportPolicy.js';
import * as E from 'fp-ts/lib/Either.js';

const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

say('Opening a case from JSON');
say(`  as sent                      → ${openACase(openCaseRequest)}`);
say(
  `  from a gmail.com address     → ${openACase({ ...(openCaseRequest as object), actor: { id: 'u-bob', email: 'bob@gmail.com' } })}`,
);
say(
  `  with no offset on the instant → ${openACase({ ...(openCaseRequest as object), at: '2026-03-06 16:30' })}`,
);
say();
say('A case from start to end');
for (const line of aCaseFromStartToEnd()) say(`  ${line}`);
say();
say('First response due for a case submitted Friday 16:00 in Jakarta');
if (E.isRight(jakartaPolicy))
  for (const [plan, due] of Object.entries(dueTimes(jakartaPolicy.right, friday())))
    say(`  ${plan.padEnd(13)} ${due}`);
say();
say('The invitation flow');
for (const line of inviteAndAccept().log) say(`  ${line}`);
say();
say('The permission lattice and the granting ceiling');
for (const [fact, value] of Object.entries(latticeFacts)) say(`  ${fact.padEnd(27)} ${String(value)}`);
for (const line of citraInvites()) say(`  ${line}`);
say();
const verified = await handleAndVerify();
say('A store, command handling and the hash chain');
say(
  `  handled: ${verified.firstEvents.join(', ')}; the same command again repeated: ${String(verified.repeated)}`,
);
const { intact, edited } = verified;
say(
  `  verifyStream as read: ${intact?.ok === true ? `intact, last hash ${intact.lastHash.slice(0, 12)}…` : 'broken'}`,
);
say(
  `  with revision 0 edited: ${edited?.ok === false ? `${edited.problem} at revision ${edited.revision}: ${edited.detail}` : 'intact'}`,
);
