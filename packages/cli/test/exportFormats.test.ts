import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@dossier/core';
import { csvLine, neutraliseCell } from '../src/exportFormats.js';

const event = (actor: string, commandId: string, stream = 'supportCase-1'): RecordedEvent => ({
  stream,
  revision: 0n,
  position: 1n,
  type: 'CaseOpened',
  data: { subject: '=1+1' },
  metadata: {
    eventId: 'e-1',
    commandId,
    commandHash: null,
    correlationId: '-2+3',
    causationId: null,
    actor,
    recordedAt: '2026-03-01T00:00:00.000Z',
    schemaVersion: 1,
    hash: 'abc',
  },
});

describe('CSV export cells (OWASP CSV injection)', () => {
  it('a cell beginning with = + - @, a tab or a carriage return gets a leading quote; others are left as they are', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutraliseCell(`${start}SUM(1+1)`)).toBe(`'${start}SUM(1+1)`);
    for (const plain of ['user-1', 'a=b', '', "'already"]) expect(neutraliseCell(plain)).toBe(plain);
  });

  it('an actor =HYPERLINK(…) and a command id @SUM(1+1) reach the CSV as text, never as a formula', () => {
    const line = csvLine(event('=HYPERLINK("http://evil.example","x")', '@SUM(1+1)'));
    const cells = line.split(',');
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example""`);
    expect(cells).toContain("'@SUM(1+1)");
    expect(cells).toContain("'-2+3");
    expect(line.startsWith('1,supportCase-1,0,CaseOpened,')).toBe(true);
    // The data column is JSON, which starts with a brace: text already.
    expect(line).toContain('"{""subject"":""=1+1""}"');
  });
});
