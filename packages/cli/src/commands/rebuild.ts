import { dirname, join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import { dossierProjectionNames, dossierProjections, dossierSchema, projectionNamed } from '@dossier/app';
import { rebuildOnce, type AnyProjection, type RebuildOnceError } from '@dossier/core';
import { createSqliteProjectionStore, defaultProjectionsPath, holdsEventStore } from '@dossier/store-sqlite';
import type { CliContext } from '../context.js';
import { exitCodes } from '../exitCodes.js';
import { cliFailure, fromStoreError, usageError, type CliFailure } from '../failure.js';
import { toJson } from '../json.js';
import { storeOptionsOf, withJsonOption, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { progressBar } from '../progress.js';
import { withStore, type StoreSession } from '../storeAccess.js';

interface RebuildOptions extends ReadOptions {
  readonly projections?: string;
}

const rebuildFailure = (error: RebuildOnceError): CliFailure => {
  switch (error._tag) {
    case 'RebuildFailed':
      return cliFailure(
        exitCodes.unreadableEvent,
        `rebuilding ${error.failure.name} stopped (${error.failure.kind}) at ${error.failure.stream ?? 'the log'} revision ${error.failure.revision ?? '?'}: ${error.failure.error}; the previous copy still serves — run dossier verify`,
      );
    case 'StoreUnavailable':
      return fromStoreError(error, 'the projection store');
  }
};

/** Beside the event store's file, or `./.dossier/projections.db` for a server. */
const projectionsPathFor = (session: StoreSession, given: string | undefined): string =>
  given ??
  (session.location.kind === 'sqlite'
    ? join(dirname(session.location.path), 'projections.db')
    : defaultProjectionsPath);

/** The last position in the log, for the progress bar's scale; null when empty or the store cannot say. */
const headOf = async (session: StoreSession): Promise<bigint | null> => {
  const last = await session.store.readAll({ direction: 'backwards', limit: 1 })();
  return E.isRight(last) ? (last.right[0]?.position ?? null) : null;
};

const rebuildAll =
  (
    ctx: CliContext,
    session: StoreSession,
    projections: ReadonlyArray<AnyProjection>,
    options: RebuildOptions,
  ): TE.TaskEither<CliFailure, void> =>
  async () => {
    // A bounded read first makes an unreachable store fail fast. An undecodable first event still proves the
    // store answers; the rebuild then reports it where it stops.
    const reachable = await session.store.readAll({ limit: 1 })();
    if (E.isLeft(reachable) && reachable.left._tag === 'StoreUnavailable')
      return E.left(fromStoreError(reachable.left, session.description));
    const path = projectionsPathFor(session, options.projections);
    // The read models' tables must never land in an event store (the one being read, or any other); a file that
    // cannot be looked at without creating a file beside it is refused as it is by read-only opens.
    const held = await holdsEventStore(path)();
    if (E.isLeft(held))
      return E.left(cliFailure(exitCodes.storeUnavailable, `--projections ${path}: ${held.left.cause}`));
    if (held.right)
      return E.left(
        usageError(
          `--projections ${path} is an event store; give the read models their own file, e.g. projections.db`,
        ),
      );
    // Saves during the rebuild need not reach the disk one by one: a crash leaves a copy that is never promoted and
    // is rebuilt again. The promotion is synced, and with it every save before it (see the store's `synchronous`).
    const states = createSqliteProjectionStore({ path, busyTimeoutMs: options.timeout, synchronous: 'normal' });
    const head = await headOf(session);
    const bar = progressBar(ctx, 'rebuilding');
    try {
      const t0 = process.hrtime.bigint();
      // The bar moves by positions of the log; the count it shows is the summary's: events read, each once.
      let shown = 0;
      const result = await rebuildOnce({
        store: session.store,
        states,
        projections,
        onProgress: (eventsRead, position) => {
          if (head === null || eventsRead - shown < 1_000) return;
          shown = eventsRead;
          bar.update(Number(position), Number(head), eventsRead);
        },
      })();
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (E.isRight(result) && head !== null) bar.update(Number(head), Number(head), result.right.eventsRead);
      bar.stop();
      if (E.isLeft(result)) return E.left(rebuildFailure(result.left));
      const { rebuilt, eventsRead: events } = result.right;
      const perSecond = seconds > 0 ? Math.round(events / seconds) : events;
      if (options.json === true)
        ctx.stdout.write(
          `${toJson({ projectionStore: path, rebuilt, events, seconds, eventsPerSecond: perSecond })}\n`,
        );
      else {
        for (const r of rebuilt)
          ctx.stdout.write(
            `rebuilt ${r.name} (version ${r.version}, generation ${r.generation}) up to position ${r.position ?? 'none'}\n`,
          );
        ctx.stdout.write(
          `${ctx.colours.green('done')}: ${events} events read once and folded in ${seconds.toFixed(3)} s (${perSecond} events/s) into ${path}\n`,
        );
      }
      return E.right(undefined);
    } finally {
      bar.stop();
      await states.close();
    }
  };

const rebuild = (
  ctx: CliContext,
  name: string | undefined,
  options: RebuildOptions,
): TE.TaskEither<CliFailure, void> => {
  const chosen = name === undefined ? [...dossierProjections] : [projectionNamed(name)];
  const projections = chosen.filter((p): p is AnyProjection => p !== undefined);
  if (projections.length === 0)
    return TE.left(
      usageError(
        `no read model named ${JSON.stringify(name)}: choose one of ${dossierProjectionNames.join(', ')}, or none for all`,
      ),
    );
  return withStore(storeOptionsOf(options), ctx.env, dossierSchema, (session) =>
    rebuildAll(ctx, session, projections, options),
  );
};

/** `dossier rebuild [projection]`: folds the log from zero into fresh copies of the read models and swaps them in. */
export const registerRebuild = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('rebuild')
    .description(
      'rebuild one read model or all of them from zero, with a progress bar on a terminal and the throughput',
    )
    .argument('[projection]', `one of ${dossierProjectionNames.join(', ')}; all when omitted`)
    .option(
      '--projections <path>',
      'the SQLite file of the read models (default: projections.db beside the event store)',
    );
  withJsonOption(withStoreOptions(command)).action((name: string | undefined, options: RebuildOptions) =>
    execute(rebuild(ctx, name, options)),
  );
};
