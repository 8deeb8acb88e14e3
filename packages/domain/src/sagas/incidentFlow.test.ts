import { describe, expect, it } from 'vitest';
import type { RowChange, Rows } from '@dossier/core';
import type { UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import type { CaseResolved, IncidentLinked } from '../supportCase/events.js';
import { supportCaseStream, type CaseId, type IncidentId } from '../supportCase/ids.js';
import { day } from '../testing/time.js';
import {
  incidentFlow,
  incidentFlowActor,
  incidentFlowChanges,
  incidentResolutionCommandId,
  openCasesLinkedTo,
  type IncidentFlowInput,
} from './incidentFlow.js';

const agent = 'agent-1' as UserId;
const inc1 = 'inc-1' as IncidentId;
const inc2 = 'inc-2' as IncidentId;
const caseOf = (id: string) => id as CaseId;

const linked = (id: string, incidentId: IncidentId, at: Instant = day(1)): IncidentFlowInput => ({
  stream: supportCaseStream(caseOf(id)),
  event: { type: 'IncidentLinked', data: { incidentId, by: agent, at } } satisfies IncidentLinked,
});
const outageResolved = (id: string, incidentId: IncidentId, at: Instant = day(3)): IncidentFlowInput => ({
  stream: supportCaseStream(caseOf(id)),
  event: {
    type: 'CaseResolved',
    data: { outcome: { kind: 'outage-resolved', incidentId, remedies: [] }, by: agent, at },
  } satisfies CaseResolved,
});
const answered = (id: string): IncidentFlowInput => ({
  stream: supportCaseStream(caseOf(id)),
  event: {
    type: 'CaseResolved',
    data: { outcome: { kind: 'resolved', how: 'question-answered' }, by: agent, at: day(2) },
  } satisfies CaseResolved,
});

/** The flow's rows as a runner keeps them: a map per group, changed by what `incidentFlowChanges` answers. */
const world = () => {
  const groups = new Map<string, Map<string, unknown>>();
  const rows: Rows = {
    get: (group, key) => groups.get(group)?.get(key),
    list: (group) => [...(groups.get(group) ?? new Map<string, unknown>())].sort().map(([, row]) => row),
  };
  const apply = (change: RowChange) => {
    const group = groups.get(change.group) ?? new Map<string, unknown>();
    if (change.row === null) group.delete(change.key);
    else group.set(change.key, change.row);
    groups.set(change.group, group);
  };
  /** One event as the runner handles it: the commands from the rows before, then the event's changes. */
  const step = (input: IncidentFlowInput) => {
    const commands = incidentFlow(input, rows);
    const changes = incidentFlowChanges(rows, input);
    changes.forEach(apply);
    return { commands, changes };
  };
  return { rows, step };
};

describe('incident flow', () => {
  it('SC-11 the first outage-resolved resolution of an incident resolves every other linked open case, as the system', () => {
    const { step } = world();
    for (const id of ['a', 'b', 'c']) step(linked(id, inc1));
    step(linked('d', inc2));
    const { commands } = step(outageResolved('b', inc1, day(3)));
    expect(commands).toEqual(
      ['a', 'c'].map((id) => ({
        aggregate: 'supportCase',
        stream: supportCaseStream(caseOf(id)),
        command: {
          type: 'ResolveLinkedIncident',
          at: day(3),
          actor: incidentFlowActor,
          data: { incidentId: inc1 },
        },
        commandId: incidentResolutionCommandId(inc1, caseOf(id)),
      })),
    );
  });

  it("SC-11 the resolutions that follow, the flow's own, ask for nothing more", () => {
    const { step, rows } = world();
    for (const id of ['a', 'b', 'c']) step(linked(id, inc1));
    step(outageResolved('a', inc1));
    expect(step(outageResolved('b', inc1)).commands).toEqual([]);
    expect(step(outageResolved('c', inc1)).commands).toEqual([]);
    expect(openCasesLinkedTo(rows, inc1)).toEqual([]);
  });

  it('SC-11 a case resolved by its agent is no longer open on its incidents, and is not resolved again', () => {
    const { step, rows } = world();
    step(linked('a', inc1));
    step(linked('a', inc2));
    step(linked('b', inc1));
    step(answered('a'));
    expect(openCasesLinkedTo(rows, inc1)).toEqual([caseOf('b')]);
    expect(openCasesLinkedTo(rows, inc2)).toEqual([]);
    expect(step(outageResolved('b', inc1)).commands).toEqual([]);
  });

  it('SC-11 a case linked after its incident ended is left to its agent', () => {
    const { step } = world();
    step(linked('a', inc1));
    step(outageResolved('a', inc1));
    expect(step(linked('late', inc1, day(4))).commands).toEqual([]);
    expect(step(outageResolved('other', inc2)).commands).toEqual([]);
  });

  it("changes only the rows of the event's case and its incidents, whatever the number of cases", () => {
    const { step } = world();
    for (let i = 0; i < 500; i++) step(linked(`case-${i}`, inc1));
    expect(step(linked('x', inc1)).changes).toHaveLength(2);
    expect(step(linked('x', inc1)).changes).toEqual([]); // linked once
    expect(step(answered('x')).changes.map((c) => c.row)).toEqual([null, null]);
    expect(incidentFlowChanges(world().rows, { ...answered('x'), stream: 'invitation-1' })).toEqual([]);
  });
});
