import { describe, expect, it } from 'vitest';
import { isDelivered, isSystemEvent, serverFilter } from '../src/filters.js';

const e = (streamId: string, type: string) => ({ streamId, type });

describe('filters', () => {
  it('treat $-prefixed types and $-prefixed streams as EventStoreDB’s own', () => {
    expect(isSystemEvent(e('$$case-1', '$metadata'))).toBe(true);
    expect(isSystemEvent(e('$ce-case', '$>'))).toBe(true);
    expect(isSystemEvent(e('$projections-x', 'Created'))).toBe(true);
    expect(isSystemEvent(e('case-1', '$statsCollected'))).toBe(true);
    expect(isSystemEvent(e('case-1', 'CaseOpened'))).toBe(false);
  });

  it('deliver what matches the prefixes of the type or of the stream name, and no prefixes match nothing', () => {
    expect(isDelivered({ kind: 'eventType', prefixes: ['Case'] }, e('x-1', 'CaseOpened'))).toBe(true);
    expect(isDelivered({ kind: 'eventType', prefixes: ['Case'] }, e('case-1', 'Opened'))).toBe(false);
    expect(isDelivered({ kind: 'streamName', prefixes: ['a-', 'b-'] }, e('b-2', 'T'))).toBe(true);
    expect(isDelivered({ kind: 'streamName', prefixes: [] }, e('b-2', 'T'))).toBe(false);
    expect(isDelivered(undefined, e('b-2', 'T'))).toBe(true);
  });

  it('never deliver a system event, even when a prefix would match it', () => {
    expect(isDelivered({ kind: 'eventType', prefixes: [''] }, e('$$x', '$metadata'))).toBe(false);
    expect(isDelivered({ kind: 'streamName', prefixes: ['$'] }, e('$ce-x', '$>'))).toBe(false);
  });

  it('ask the server for the caller’s prefixes, or for everything but system event types', () => {
    expect(serverFilter({ kind: 'streamName', prefixes: ['case-'] })).toEqual({
      filterOn: 'streamName',
      prefixes: ['case-'],
      checkpointInterval: 1,
    });
    expect(serverFilter(undefined)).toEqual({ filterOn: 'eventType', regex: '^[^$]', checkpointInterval: 1 });
    expect(serverFilter({ kind: 'eventType', prefixes: [] })).toBeUndefined();
  });

  it('under a stream prefix, ask the server for the prefix’s streams and deliver only those', () => {
    expect(serverFilter({ kind: 'streamName', prefixes: ['case-'] }, 't1/')).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['t1/case-'],
    });
    expect(serverFilter({ kind: 'eventType', prefixes: ['Case'] }, 't1/')).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['t1/'],
    });
    expect(serverFilter(undefined, 't1/')).toMatchObject({ filterOn: 'streamName', prefixes: ['t1/'] });
    expect(isDelivered({ kind: 'streamName', prefixes: ['case-'] }, e('t1/case-1', 'A'), 't1/')).toBe(true);
    expect(isDelivered({ kind: 'eventType', prefixes: ['A'] }, e('t2/case-1', 'A'), 't1/')).toBe(false);
    expect(isDelivered(undefined, e('case-1', 'A'), 't1/')).toBe(false);
  });
});
