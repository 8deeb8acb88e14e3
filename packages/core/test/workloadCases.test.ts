import { describe, expect, it } from 'vitest';
import { pickCases } from '@dossier/core/testing';

describe('pickCases (BENCH_CASES)', () => {
  const names = ['W1 in-memory', 'W2 in-memory 10k', 'W2 in-memory 10k, no snapshots', 'W3 in-memory'];
  const picked = (list: string | undefined) => names.filter((name) => pickCases(list, names).has(name));

  it('picks every case without a list, and the cases a list names', () => {
    expect(picked(undefined)).toEqual(names);
    expect(picked('W1 in-memory, W3 in-memory')).toEqual(['W1 in-memory', 'W3 in-memory']);
    expect(picked('W9 nowhere')).toEqual([]);
  });

  it('picks a case whose name holds a comma when the list names it whole, and not the shorter name inside it', () => {
    expect(picked('W2 in-memory 10k, no snapshots')).toEqual(['W2 in-memory 10k, no snapshots']);
    expect(picked('W2 in-memory 10k, no snapshots,W2 in-memory 10k')).toEqual([
      'W2 in-memory 10k',
      'W2 in-memory 10k, no snapshots',
    ]);
    expect(picked('W2 in-memory 10k,W1 in-memory')).toEqual(['W1 in-memory', 'W2 in-memory 10k']);
    expect(picked('no snapshots')).toEqual([]);
  });
});
