/** A seeded source of numbers in [0, 1) (mulberry32): the same seed gives the same sequence, on any machine. */
export interface Random {
  readonly next: () => number;
  /** A whole number in [0, n). */
  readonly int: (n: number) => number;
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean;
  readonly pick: <A>(items: ReadonlyArray<A>) => A;
}

export const seeded = (seed: number): Random => {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <A>(items: ReadonlyArray<A>): A => items[int(items.length)] as A,
  };
};
