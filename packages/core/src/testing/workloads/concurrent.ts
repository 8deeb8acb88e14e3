import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { handle } from '../../handling/handle.js';
import { baselineOpens } from './baseline.js';
import { supportCase, supportCaseSchema } from './deciders.js';
import { WorkloadFailed, type OpenWorkloadStore } from './dossier.js';
import type { WorkloadCase } from './run.js';
import { checksum, settle, w1Commands, type W1Command, type WorkloadResult } from './spec.js';

// Many callers at once, each on streams of its own: W1's opening commands shared out among `callers`, each
// caller awaiting its commands one after another, all callers running together. What a store that commits
// writers together (SQLite's group commit) gains; the count and checksum cover the streams opened.

const openings = (total: number): ReadonlyArray<W1Command> => w1Commands(total).slice(0, total);

const opened = (streams: ReadonlyArray<string>): { readonly count: number; readonly checksum: string } => ({
  count: streams.length,
  checksum: checksum([...streams].sort()),
});

/** `callers` concurrent callers handling `total` OpenCase commands through `handle`: commands per second. */
export const dossierConcurrentOpens = async (
  open: OpenWorkloadStore,
  callers: number,
  total: number,
): Promise<WorkloadResult> => {
  const { store, dispose } = await open(supportCaseSchema);
  try {
    const commands = openings(total);
    const share = (caller: number) => commands.filter((_, i) => i % callers === caller);
    settle();
    const start = performance.now();
    await Promise.all(
      Array.from({ length: callers }, async (_, caller) => {
        for (const command of share(caller)) {
          const handled = await handle(store, supportCase, {
            stream: command.caseId,
            command,
            context: { commandId: randomUUID(), actor: 'bench' },
          })();
          if (E.isLeft(handled)) throw new WorkloadFailed(`${command.caseId}: ${handled.left._tag}`);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const streams: string[] = [];
    for (const command of commands) {
      const read = await store.readStream(command.caseId)();
      if (E.isRight(read) && read.right[0]?.type === 'CaseOpened') streams.push(command.caseId);
    }
    return { value: commands.length / seconds, unit: 'commands/s', ...opened(streams) };
  } finally {
    await dispose();
  }
};

/** Concurrent callers on distinct streams, beside the bare loop handling the same commands one by one. */
export const concurrentCase = (
  subject: string,
  open: OpenWorkloadStore,
  callers: number,
  total: number,
): WorkloadCase => ({
  name: `${callers} caller${callers === 1 ? '' : 's'} ${subject}`,
  run: async () => {
    const commands = openings(total);
    const bare = baselineOpens(commands);
    return {
      baseline: { ...bare, ...opened(commands.map((c) => c.caseId)) },
      dossier: await dossierConcurrentOpens(open, callers, total),
    };
  },
});
