import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionOf, toEsdbPosition, toPosition } from '../src/positions.js';

const event = (position?: { commit: bigint; prepare: bigint }) => ({
  streamId: 's',
  id: 'id',
  revision: 0n,
  type: 'T',
  isJson: true,
  data: {},
  metadata: {},
  position,
});

describe('positions', () => {
  it('keep every 64-bit commit position exactly, far past 2^53', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), (position) => {
        expect(toPosition(toEsdbPosition(position))).toBe(position);
      }),
    );
    expect(toPosition({ commit: 2n ** 53n + 1n, prepare: 0n })).toBe(9007199254740993n);
  });

  it('use the commit position as the global position, whatever the prepare position says', () => {
    expect(toPosition({ commit: 15465n, prepare: 0n })).toBe(15465n);
    expect(toEsdbPosition(42n)).toEqual({ commit: 42n, prepare: 42n });
  });

  it('take an event’s own position first, then the resolved commit position', () => {
    expect(positionOf({ event: event({ commit: 7n, prepare: 7n }), commitPosition: 9n })).toBe(7n);
    expect(positionOf({ event: event(), commitPosition: 9n })).toBe(9n);
  });

  it('read an unknown position (absent, or 2^64-1 from servers before 22.6) as -1', () => {
    expect(positionOf({ event: event() })).toBe(-1n);
    const max = 2n ** 64n - 1n;
    expect(positionOf({ event: event({ commit: max, prepare: max }), commitPosition: max })).toBe(-1n);
  });
});
