import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { createDossier } from '@dossier/app';
import { verifyStore } from '@dossier/core';
import {
  compareCaseOrder,
  incidentFlowActor,
  incidentResolutionCommandId,
  invitationStream,
  paymentProfileStream,
  supportCaseStream,
  type CaseId,
} from '@dossier/domain';
import { openTicketQueue, permissionMatrix } from '@dossier/projections';
import { demoNow, on } from '../src/calendar.js';
import {
  andi,
  caseId,
  dewi,
  eko,
  fajar,
  gita,
  invitationId,
  liveUpdatesOutage,
  nusantaraProfile,
} from '../src/cast.js';
import { refusalDetails } from '../src/runtime/outcome.js';
import { script } from '../src/index.js';
import { fromLog, readLog, runInto, tempStore, withStore, type DemoRun } from './support.js';

const store = tempStore();
let first: DemoRun;

beforeAll(async () => {
  first = await runInto(store.location, store.folder);
}, 60_000);
afterAll(() => store.remove());

describe('the support-desk demo, run once on an empty SQLite store', () => {
  it('says it was a fresh run and went exactly as scripted', () => {
    expect(first.report.progress).toBe('fresh');
    expect(first.output).toMatch(/^Fresh run: the store was empty; the story recorded \d+ events\./);
    expect(first.report.surprises).toEqual([]);
    expect(first.report.flowRefusals).toBe(0);
    expect(first.report.eventsBefore).toBe(0);
    expect(first.report.eventsAfter).toBeGreaterThan(90);
  });

  it('shows every refusal with the reason the domain gave, details included', () => {
    const refused = first.report.played.filter((entry) => entry.outcome.kind === 'refused');
    const expected = script.flatMap((step) =>
      step.kind === 'command' && step.expect !== 'accepted' ? [step.expect.refused] : [],
    );
    expect(
      refused.map((entry) => (entry.outcome.kind === 'refused' ? entry.outcome.refusal._tag : '')),
    ).toEqual(expected);
    for (const entry of refused) {
      if (entry.outcome.kind !== 'refused') continue;
      expect(first.output).toContain(entry.outcome.refusal._tag);
      for (const line of refusalDetails(entry.outcome.refusal).split('; '))
        expect(first.output).toContain(line.split(': ')[0]);
    }
    // PP-5: the grant beyond Dewi's ceiling names the permission she does not hold.
    const beyondCeiling = refused.find((entry) => entry.id === 'invite-user-hendra');
    expect(beyondCeiling?.outcome).toEqual({
      kind: 'refused',
      refusal: { _tag: 'GrantExceedsCeiling', permissions: ['admin'] },
    });
    expect(first.output).toContain('permissions: admin');
  });

  it('SC-6 prints the queue in priority order, then oldest first, as the stored events give it', async () => {
    const log = await withStore(store.location, readLog);
    const queue = fromLog(openTicketQueue, log).list({ now: demoNow });
    expect(new Set(queue.map((item) => item.priority))).toEqual(new Set(['P1', 'P2', 'P3', 'P4']));
    for (let i = 1; i < queue.length; i++) {
      const [before, after] = [queue[i - 1], queue[i]];
      if (before !== undefined && after !== undefined)
        expect(compareCaseOrder(before, after)).toBeLessThan(0);
    }
    const printed = [...first.output.matchAll(/│ \d+ +│ (case-\d+)/g)].map((match) => match[1]);
    expect(printed).toEqual(queue.map((item) => item.caseId));
    // SC-7: breaches flagged at the demo's "now", both kinds.
    expect(queue.filter((item) => item.breached).length).toBeGreaterThan(1);
    expect(first.output).toContain('BREACHED: no answer');
    expect(first.output).toContain('BREACHED: late');
  });

  it('IN-4 shows the invited users who accepted as active users, with the invited permissions', async () => {
    const log = await withStore(store.location, readLog);
    const matrix = fromLog(permissionMatrix, log);
    expect(matrix.can(nusantaraProfile, dewi.email, 'manage-users')).toBe(true);
    expect(matrix.can(nusantaraProfile, eko.email, 'purchase')).toBe(true);
    expect(matrix.profile(nusantaraProfile)?.primaryContact).toBe(dewi.email); // PP-6, reassigned
    expect(first.output).toMatch(/dewi@nusantara-digital\.co\.id \(primary contact\) │ active/);
  });

  it('IN-2, IN-5 the expired, cancelled and declined invitations never produce a user', async () => {
    const log = await withStore(store.location, readLog);
    const matrix = fromLog(permissionMatrix, log);
    const profile = matrix.profile(nusantaraProfile);
    for (const person of [andi, fajar, gita]) {
      expect(profile?.users.map((user) => user.email)).not.toContain(person.email);
      expect(profile?.pending.map((user) => user.email)).not.toContain(person.email);
      expect(first.output).not.toContain(person.email);
    }
    const andiEvents = log
      .filter((event) => event.stream === invitationStream(invitationId(andi.id)))
      .map((e) => e.type);
    expect(andiEvents).toEqual(['InvitationIssued', 'InvitationExpired']);
    const withdrawn = log.filter(
      (event) =>
        event.stream === paymentProfileStream(nusantaraProfile) && event.type === 'PendingUserWithdrawn',
    );
    expect(withdrawn.map((event) => (event.data as { reason: string }).reason).sort()).toEqual([
      'cancelled',
      'declined',
      'expired',
    ]);
  });

  it('SC-11 the end of the incident resolved both linked cases through the incident flow, once each', async () => {
    const log = await withStore(store.location, readLog);
    const outage = log.filter(
      (event) =>
        event.type === 'CaseResolved' &&
        (event.data as { readonly outcome: { readonly kind: string } }).outcome.kind === 'outage-resolved',
    );
    expect(outage.map((event) => event.stream).sort()).toEqual(
      [caseId(1009), caseId(1010)].map((id) => supportCaseStream(id)),
    );
    for (const event of outage) {
      expect(event.metadata.actor).toBe(incidentFlowActor.id);
      expect(event.metadata.commandId).toBe(
        incidentResolutionCommandId(liveUpdatesOutage, event.stream.slice('supportCase-'.length) as CaseId),
      );
    }
  });

  it('records on the story calendar, with every hash chain intact', async () => {
    const log = await withStore(store.location, readLog);
    expect(log[0]?.metadata.recordedAt).toBe(on(0));
    const verified = await withStore(store.location, (s) => verifyStore(s)());
    expect(E.isRight(verified) && verified.right.ok).toBe(true);
  });

  it('says where the data lives and gives the next commands with a --store that finds it', () => {
    expect(first.report.where).toBe(`SQLite file ${store.location.slice('sqlite:'.length)}`);
    expect(first.report.storeArgument).toBe('sqlite:.dossier/events.db');
    for (const command of [
      'dossier queue',
      'dossier matrix pt-nusantara-digital',
      'dossier replay',
      '--as-of',
      'dossier audit',
      'dossier verify',
    ])
      expect(first.output).toContain(command);
  });
});

describe('the support-desk demo, run a second time on the same store', () => {
  it('says it resumed, writes nothing, and prints the same views', async () => {
    const second = await runInto(store.location, store.folder);
    expect(second.report.progress).toBe('complete');
    expect(second.output).toMatch(/^Resumed run: this store already holds the story/);
    expect(second.report.eventsBefore).toBe(first.report.eventsAfter);
    expect(second.report.eventsAfter).toBe(first.report.eventsAfter);
    const views = (output: string) => output.slice(output.indexOf('Open-ticket queue'));
    expect(views(second.output)).toBe(views(first.output));
  }, 60_000);
});

describe('the support-desk demo on a store an interrupted run left behind', () => {
  it('finishes the story, applying no command twice', async () => {
    const interrupted = tempStore();
    try {
      const [firstStep] = script;
      if (firstStep?.kind !== 'command' || firstStep.request.aggregate !== 'paymentProfile')
        throw new Error('the script opens with a profile');
      const { request } = firstStep;
      await withStore(interrupted.location, async (s) => {
        const dossier = createDossier({ store: s });
        const done = await dossier.execute('paymentProfile', request.stream, request.command, {
          commandId: firstStep.id,
        })();
        expect(E.isRight(done)).toBe(true);
      });
      const resumed = await runInto(interrupted.location, interrupted.folder);
      expect(resumed.report.progress).toBe('partial');
      expect(resumed.output).toMatch(/^Resumed an interrupted run: 1 events were there/);
      expect(resumed.report.played[0]?.outcome.kind).toBe('repeated');
      expect(resumed.report.surprises).toEqual([]);
      expect(resumed.report.eventsAfter).toBe(first.report.eventsAfter);
    } finally {
      interrupted.remove();
    }
  }, 60_000);
});

describe('the script', () => {
  it('gives every step its own command id, so a rerun recognises each one', () => {
    const ids = script.map((step) => step.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
