import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';

/** Runs a task, or gives up with `onTimeout()` after `ms`: a server that never answers must not hang the CLI. */
export const within =
  <L, A>(ms: number, onTimeout: () => L, task: TaskEither<L, A>): TaskEither<L, A> =>
  () => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<E.Either<L, A>>((resolve) => {
      timer = setTimeout(() => resolve(E.left(onTimeout())), ms);
    });
    return Promise.race([task(), timedOut]).finally(() => clearTimeout(timer));
  };
