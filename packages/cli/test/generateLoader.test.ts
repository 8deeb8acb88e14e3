import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import type { StateLoader } from '@dossier/core';
import { rememberingLoader } from '../src/generate/loader.js';

/** A loader standing for the store: it names the streams it was asked for and answers a state of its own. */
const storeLoader = () => {
  const asked: string[] = [];
  const loader: StateLoader<string> = {
    load: (stream) => {
      asked.push(stream);
      return TE.right({ state: `folded ${stream}`, revision: 4n });
    },
  };
  return { asked, loader };
};

const load = async (loader: StateLoader<string>, stream: string) => {
  const loaded = await loader.load(stream, 'command-1')();
  if (E.isLeft(loaded)) throw new Error(loaded.left._tag);
  return { state: loaded.right.state, revision: loaded.right.revision };
};

describe("the generator's loader", () => {
  it('answers a stream it wrote from memory, and one it did not write from the store, when the store held events', async () => {
    const { asked, loader: fallback } = storeLoader();
    const memory = rememberingLoader(false);
    const loader = memory.loaderFor(fallback, 'empty');
    memory.remember('case-1', 'after the command', 0n);
    expect(await load(loader, 'case-1')).toEqual({ state: 'after the command', revision: 0n });
    expect(await load(loader, 'case-2')).toEqual({ state: 'folded case-2', revision: 4n });
    expect(asked).toEqual(['case-2']);
  });

  it('on a store that was empty, takes a stream it never wrote as new without reading it', async () => {
    const { asked, loader: fallback } = storeLoader();
    const memory = rememberingLoader(true);
    const loader = memory.loaderFor(fallback, 'empty');
    expect(await load(loader, 'case-1')).toEqual({ state: 'empty', revision: null });
    expect(asked).toEqual([]);
  });

  it('folds a stream it wrote from the store once its memory was cleared, never taking it as new', async () => {
    const { asked, loader: fallback } = storeLoader();
    const memory = rememberingLoader(true, 1);
    const loader = memory.loaderFor(fallback, 'empty');
    memory.remember('case-1', 'after the command', 0n);
    memory.remember('case-2', 'after another', 0n); // past the limit: case-1 is forgotten
    expect(await load(loader, 'case-1')).toEqual({ state: 'folded case-1', revision: 4n });
    expect(await load(loader, 'case-2')).toEqual({ state: 'after another', revision: 0n });
    expect(asked).toEqual(['case-1']);
  });
});
