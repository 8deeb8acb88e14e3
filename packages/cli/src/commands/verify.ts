import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import { anyJsonSchema, verifyStore, type ChainBroken, type StoreVerification } from '@dossier/core';
import type { CliContext } from '../context.js';
import { exitCodes } from '../exitCodes.js';
import { cliFailure, type CliFailure } from '../failure.js';
import { toJson } from '../json.js';
import { storeOptionsOf, withJsonOption, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { withStore } from '../storeAccess.js';

// Events missing from the log have no position: they sort after every event that has one.
const sortKey = (link: ChainBroken): bigint => link.position ?? BigInt(Number.MAX_SAFE_INTEGER) ** 2n;

const brokenLinks = (verification: StoreVerification): ReadonlyArray<ChainBroken> =>
  [
    ...verification.streams.flatMap(({ result }) => (result.ok ? [] : [result])),
    ...(verification.order === undefined ? [] : [verification.order]),
    ...verification.tips,
  ].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

const linkLine = (link: ChainBroken): string =>
  `stream ${link.stream}, revision ${link.revision} (${link.position === null ? 'missing from the log' : `position ${link.position}`}): ${link.problem} — ${link.detail}`;

const intactLine = (verification: StoreVerification): string =>
  verification.tipsChecked
    ? 'every hash chain is intact, ends at its recorded tip, and the log is in order'
    : 'every hash chain is intact and the log is in order (this store records no tips to check the ends against)';

const report = (
  ctx: CliContext,
  verification: StoreVerification,
  description: string,
  json: boolean,
): TE.TaskEither<CliFailure, void> => {
  const broken = brokenLinks(verification);
  const first = broken[0];
  if (json)
    ctx.stdout.write(
      `${toJson({ ok: verification.ok, streams: verification.streams.length, events: verification.events, broken })}\n`,
    );
  else if (first === undefined)
    ctx.stdout.write(
      `${ctx.colours.green('OK')}: ${verification.streams.length} streams and ${verification.events} events in ${description} checked; ${intactLine(verification)}\n`,
    );
  else {
    ctx.stdout.write(
      `${ctx.colours.red('BROKEN')}: ${broken.length} problem${broken.length === 1 ? '' : 's'} across ${verification.streams.length} streams (${verification.events} events checked in ${description})\n`,
    );
    for (const link of broken) ctx.stdout.write(`  ${linkLine(link)}\n`);
  }
  // Scripts read the exit code; the first broken link (in log order) goes to stderr as the one-line reason.
  return first === undefined
    ? TE.right(undefined)
    : TE.left(cliFailure(exitCodes.notFoundOrBroken, `verification failed at ${linkLine(first)}`));
};

const verify = (ctx: CliContext, options: ReadOptions): TE.TaskEither<CliFailure, void> =>
  // Hashes cover the data as stored, so read it as stored: any JSON, no codec, no upcasting.
  withStore(storeOptionsOf(options), ctx.env, anyJsonSchema, (session) =>
    pipe(
      session.run(verifyStore(session.store, session.tips === undefined ? {} : { tips: session.tips })),
      TE.chain((verification) => report(ctx, verification, session.description, options.json === true)),
    ),
  );

/** `dossier verify`: recomputes every stream's hash chain and names the first broken link. */
export const registerVerify = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('verify')
    .description(
      "check every stream's hash chain, its recorded tip and the global order; exit 1 naming the first problem",
    );
  withJsonOption(withStoreOptions(command)).action((options: ReadOptions) => execute(verify(ctx, options)));
};
