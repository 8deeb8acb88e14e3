import { dirname, join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import { dossierProjectionNames, dossierProjections, dossierSchema, projectionNamed } from '@dossier/app';
import { runProjections, type AnyProjection, type ProjectionRunner, type RebuildError } from '@dossier/core';
import { createSqliteProjectionStore, defaultProjectionsPath, holdsEventStore } from '@dossier/store-sqlite';
import type { CliContext } from '../context.js';
import { countingSubscriptions } from '../countingStore.js';
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

const rebuildFailure = (name: string, error: RebuildError): CliFailure => {
  switch (error._tag) {
    case 'RebuildFailed':
      return cliFailure(
        exitCodes.unreadableEvent,
        `rebuilding ${name} stopped (${error.failure.kind}) at ${error.failure.stream ?? 'the log'} revision ${error.failure.revision ?? '?'}: ${error.failure.error}; the previous copy still serves — run dossier verify`,
      );
    case 'StoreUnavailable':
      return fromStoreError(error, 'the projection store');
    case 'ProjectionNotRunning':
    case 'RunnerStopped':
      return cliFailure(exitCodes.internal, `rebuilding ${name} ended early: ${error._tag}`);
  }
};

/** Beside the event store's file, or `./.dossier/projections.db` for a server. */
const projectionsPathFor = (session: StoreSession, given: string | undefined): string =>
  given ??
  (session.location.kind === 'sqlite'
    ? join(dirname(session.location.path), 'projections.db')
    : defaultProjectionsPath);

/** Polls the runner's status into the progress bar until `done` settles. */
const watch = async <A>(runner: ProjectionRunner, ctx: CliContext, done: Promise<A>): Promise<A> => {
  const bar = progressBar(ctx, 'rebuilding');
  let finished = false;
  let total = 0;
  const result = done.finally(() => {
    finished = true;
  });
  while (!finished) {
    const statuses = await runner.status();
    total = statuses.reduce((sum, s) => sum + Number(s.head ?? 0n), 0);
    const reached = statuses.reduce(
      (sum, s) => sum + Number(s.rebuilding === null ? (s.head ?? 0n) : (s.rebuilding.position ?? 0n)),
      0,
    );
    bar.update(reached, total);
    await Promise.race([result, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  bar.update(total, total);
  bar.stop();
  return result;
};

const rebuildAll =
  (
    ctx: CliContext,
    session: StoreSession,
    projections: ReadonlyArray<AnyProjection>,
    options: RebuildOptions,
  ): TE.TaskEither<CliFailure, void> =>
  async () => {
    // The runner retries a store that fails; a bounded read first makes an unreachable one fail fast instead.
    // An undecodable first event still proves the store answers; the rebuild then reports it where it stops.
    const reachable = await session.store.readAll({ limit: 1 })();
    if (E.isLeft(reachable) && reachable.left._tag === 'StoreUnavailable')
      return E.left(fromStoreError(reachable.left, session.description));
    const path = projectionsPathFor(session, options.projections);
    // The read models' tables must never land in an event store (the one being read, or any other).
    if (holdsEventStore(path))
      return E.left(
        usageError(
          `--projections ${path} is an event store; give the read models their own file, e.g. projections.db`,
        ),
      );
    const states = createSqliteProjectionStore({ path, busyTimeoutMs: options.timeout });
    const counted = countingSubscriptions(session.store);
    const started = await runProjections({ store: counted.store, states, projections })();
    if (E.isLeft(started)) {
      await states.close();
      return E.left(
        started.left._tag === 'StoreUnavailable'
          ? fromStoreError(started.left, `projection store ${path}`)
          : cliFailure(exitCodes.internal, `two read models share the name ${started.left.name}`),
      );
    }
    const runner = started.right;
    try {
      // Whatever was saved catches up first, so that the rebuild alone is measured.
      await runner.settled();
      counted.reset();
      const t0 = process.hrtime.bigint();
      const results = await watch(runner, ctx, Promise.all(projections.map((p) => runner.rebuild(p))));
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      for (const [index, result] of results.entries())
        if (E.isLeft(result)) return E.left(rebuildFailure(projections[index]?.name ?? '?', result.left));
      const events = counted.count();
      const perSecond = seconds > 0 ? Math.round(events / seconds) : events;
      const rebuilt = results.flatMap((r) => (E.isRight(r) ? [r.right] : []));
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
          `${ctx.colours.green('done')}: ${events} events folded in ${seconds.toFixed(3)} s (${perSecond} events/s) into ${path}\n`,
        );
      }
      return E.right(undefined);
    } finally {
      await runner.stop();
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
