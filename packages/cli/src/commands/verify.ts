import type { KeyObject } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import {
  anyJsonSchema,
  verifyCheckpoints,
  verifyStore,
  type ChainBroken,
  type CheckpointResult,
  type KeptLeaves,
  type StoreVerification,
} from '@dossier/core';
import type { Checkpoint } from '@dossier/proof';
import type { CliContext } from '../context.js';
import { readCheckpointFile, readPublicKeyFile } from '../evidenceFiles.js';
import { checkHashesMatch, readHashesFile } from '../keptHashes.js';
import { exitCodes } from '../exitCodes.js';
import { cliFailure, usageError, type CliFailure } from '../failure.js';
import { toJson } from '../json.js';
import { storeOptionsOf, withJsonOption, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { withStore, type StoreSession } from '../storeAccess.js';

interface VerifyOptions extends ReadOptions {
  readonly checkpoint?: ReadonlyArray<string>;
  readonly publicKey?: string;
  readonly hashes?: ReadonlyArray<string>;
  readonly strict?: boolean;
}

// An auditor of a server that should hold only Dossier's log asks for strict reads (`--strict`).
const storeOptionsOfVerify = (options: VerifyOptions) => ({
  ...storeOptionsOf(options),
  ...(options.strict === true ? { strict: true } : {}),
});

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

/** A checkpoint's result with the file it came from and, where the log parts from it, the event there. */
interface CheckpointLine {
  readonly file: string;
  readonly result: CheckpointResult;
  readonly event: string | undefined;
}

const checkpointLine = ({ file, result, event }: CheckpointLine): string => {
  const { checkpoint } = result;
  const head = `checkpoint ${file} (${checkpoint.size} events, ${checkpoint.timestamp})`;
  if (result.ok) return `${head}: the log extends it, appended to only`;
  const parts = result.parts;
  const where =
    parts === undefined
      ? ''
      : parts.until - parts.from === 1
        ? `; the log parts from it at log index ${parts.from}${event === undefined ? ' (the log ends before it)' : ` (${event})`}`
        : `; the log parts from it within log indices ${parts.from} to ${parts.until - 1}${event === undefined ? '' : ` (the first: ${event})`}, the events before match`;
  return `${head}: ${result.problem} — ${result.detail}${where}`;
};

/** Names the event at the position where the log parts from a checkpoint, when the log holds one. */
const eventAt = async (session: StoreSession, result: CheckpointResult): Promise<string | undefined> => {
  const position = result.ok ? undefined : result.parts?.position;
  if (position === undefined) return undefined;
  const page = await session.store.readAll({ fromPosition: position, limit: 1 })();
  const event = E.isRight(page) ? page.right[0] : undefined;
  return event === undefined
    ? `position ${position}`
    : `position ${position}: stream ${event.stream} revision ${event.revision}`;
};

const report = (
  ctx: CliContext,
  verification: StoreVerification,
  checkpoints: ReadonlyArray<CheckpointLine>,
  description: string,
  json: boolean,
): TE.TaskEither<CliFailure, void> => {
  const broken = brokenLinks(verification);
  const failed = checkpoints.filter((c) => !c.result.ok);
  if (json)
    ctx.stdout.write(
      `${toJson({
        ok: broken.length === 0 && failed.length === 0,
        streams: verification.streams.length,
        events: verification.events,
        broken,
        ...(checkpoints.length === 0
          ? {}
          : { checkpoints: checkpoints.map(({ file, result, event }) => ({ file, ...result, event })) }),
      })}\n`,
    );
  else {
    ctx.stdout.write(
      broken.length === 0
        ? `${ctx.colours.green('OK')}: ${verification.streams.length} streams and ${verification.events} events in ${description} checked; ${intactLine(verification)}\n`
        : `${ctx.colours.red('BROKEN')}: ${broken.length} problem${broken.length === 1 ? '' : 's'} across ${verification.streams.length} streams (${verification.events} events checked in ${description})\n`,
    );
    for (const link of broken) ctx.stdout.write(`  ${linkLine(link)}\n`);
    for (const line of checkpoints)
      ctx.stdout.write(
        `${line.result.ok ? ctx.colours.green('OK') : ctx.colours.red('BROKEN')}: ${checkpointLine(line)}\n`,
      );
  }
  // Scripts read the exit code; the first problem (a broken link in log order, else a checkpoint) goes to stderr.
  const first = broken[0];
  if (first !== undefined)
    return TE.left(cliFailure(exitCodes.notFoundOrBroken, `verification failed at ${linkLine(first)}`));
  const firstCheckpoint = failed[0];
  return firstCheckpoint === undefined
    ? TE.right(undefined)
    : TE.left(
        cliFailure(exitCodes.notFoundOrBroken, `verification failed: ${checkpointLine(firstCheckpoint)}`),
      );
};

const tipsOf = (session: StoreSession) => (session.tips === undefined ? {} : { tips: session.tips });

const againstCheckpoints = (
  ctx: CliContext,
  session: StoreSession,
  files: ReadonlyArray<{ readonly file: string; readonly checkpoint: Checkpoint }>,
  key: KeyObject,
  kept: ReadonlyArray<KeptLeaves>,
  json: boolean,
): TE.TaskEither<CliFailure, void> =>
  pipe(
    session.run(
      verifyCheckpoints(
        session.store,
        files.map((f) => f.checkpoint),
        key,
        { ...tipsOf(session), kept },
      ),
    ),
    TE.chain((verification) =>
      pipe(
        TE.fromTask(() =>
          Promise.all(
            verification.checkpoints.map(async (result, i) => ({
              file: files[i]?.file ?? '',
              result,
              event: await eventAt(session, result),
            })),
          ),
        ),
        TE.chain((lines) => report(ctx, verification.store, lines, session.description, json)),
      ),
    ),
  );

const verify = (ctx: CliContext, options: VerifyOptions): TE.TaskEither<CliFailure, void> => {
  const json = options.json === true;
  const files = options.checkpoint ?? [];
  if (files.length === 0 && (options.hashes ?? []).length > 0)
    return TE.left(usageError('--hashes goes with the --checkpoint it was written with'));
  // Hashes cover the data as stored, so read it as stored: any JSON, no codec, no upcasting.
  if (files.length === 0)
    return withStore(storeOptionsOfVerify(options), ctx.env, anyJsonSchema, (session) =>
      pipe(
        session.run(verifyStore(session.store, tipsOf(session))),
        TE.chain((verification) => report(ctx, verification, [], session.description, json)),
      ),
    );
  if (options.publicKey === undefined)
    return TE.left(usageError('--checkpoint needs --public-key: the key of whoever signed the checkpoints'));
  const read = pipe(
    E.traverseArray((file: string) =>
      E.map((checkpoint: Checkpoint) => ({ file, checkpoint }))(readCheckpointFile(file)),
    )(files),
    E.chain((checkpoints) =>
      E.map((key: KeyObject) => ({ checkpoints, key }))(readPublicKeyFile(options.publicKey ?? '')),
    ),
    E.chain((read) =>
      pipe(
        E.traverseArray((file: string) =>
          E.map((leaves: KeptLeaves) => ({ file, leaves }))(readHashesFile(file)),
        )(options.hashes ?? []),
        E.chain((hashes) =>
          checkHashesMatch(
            hashes,
            read.checkpoints.map((c) => c.checkpoint),
          ),
        ),
        E.map((kept) => ({ ...read, kept })),
      ),
    ),
  );
  if (E.isLeft(read)) return TE.left(read.left);
  return withStore(storeOptionsOfVerify(options), ctx.env, anyJsonSchema, (session) =>
    againstCheckpoints(ctx, session, read.right.checkpoints, read.right.key, read.right.kept, json),
  );
};

const collect = (value: string, previous: ReadonlyArray<string> | undefined): ReadonlyArray<string> => [
  ...(previous ?? []),
  value,
];

/** `dossier verify [--checkpoint <file>… --public-key <pem>]`: the chains, tips and order, and the checkpoints. */
export const registerVerify = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('verify')
    .description(
      "check every stream's hash chain, its recorded tip and the global order, and that the log only grew since each checkpoint; exit 1 naming the first problem",
    )
    .option(
      '--checkpoint <file>',
      'a signed checkpoint (dossier checkpoint) the log must extend; repeat for several',
      collect,
    )
    .option('--public-key <public.pem>', 'the public key that signed the checkpoints')
    .option(
      '--hashes <file>',
      "a checkpoint's hashes file (dossier checkpoint --hashes): names the exact first event where the log parts from that checkpoint; repeat for several",
      collect,
    )
    .option(
      '--strict',
      "EventStoreDB: fail on another application's event in the global log (by default the store skips them)",
    );
  withJsonOption(withStoreOptions(command)).action((options: VerifyOptions) => execute(verify(ctx, options)));
};
