import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { InstantCodec, parseInstant } from './instant.js';

describe('InstantCodec', () => {
  it('refuses dates that are not on the calendar instead of rolling them over', () => {
    for (const impossible of [
      '2026-02-30T00:00:00Z',
      '2026-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-01-00T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T23:60:00Z',
      '2026-01-01T23:59:60Z',
      '2026-01-01T00:00:00+24:00',
      '2026-01-01T00:00:00+01:60',
    ]) {
      expect(E.isLeft(InstantCodec.decode(impossible)), impossible).toBe(true);
      expect(E.isLeft(parseInstant(impossible)), impossible).toBe(true);
    }
  });

  it('takes real dates, leap days included, and normalises them to UTC', () => {
    expect(InstantCodec.decode('2028-02-29T12:00:00Z')).toEqual(E.right('2028-02-29T12:00:00.000Z'));
    expect(InstantCodec.decode('2000-02-29T00:00:00Z')).toEqual(E.right('2000-02-29T00:00:00.000Z'));
    expect(E.isLeft(InstantCodec.decode('1900-02-29T00:00:00Z'))).toBe(true);
    expect(InstantCodec.decode('2026-03-01T07:00+07:00')).toEqual(E.right('2026-03-01T00:00:00.000Z'));
    expect(InstantCodec.decode('2026-12-31T23:59:59.999-00:30')).toEqual(E.right('2027-01-01T00:29:59.999Z'));
  });

  it('says what is wrong with an impossible date', () => {
    const decoded = parseInstant('2026-02-30T00:00:00Z');
    expect(decoded).toEqual(E.left(expect.stringContaining('real date')));
  });
});
