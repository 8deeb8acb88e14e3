import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, describe, expect, it } from 'vitest';
import { createInMemoryProjectionStore, traceAttributes as at } from '@dossier/core';
import { commandIdFor } from '@dossier/domain';
import { startTestServer } from '@dossier/eventstoredb-test-server';
import { ana, createProfile, inviteUser } from '@dossier/projections/testing';
import { createDossier, openStore } from '../src/index.js';
import { profileStream, right } from './support/flowFixtures.js';
import { traceTree } from './support/traceTree.js';

// docs/tracing.md quotes the region below and shows the trace this test records (DOSSIER_PRINT_TRACE=1 prints it).
// #region register
const exporter = new InMemorySpanExporter(); // in production: an OTLP exporter behind a BatchSpanProcessor
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
// Carries the active span across awaits, so that a flow's commands are its children.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(provider); // from here on, Dossier's spans are recorded
// #endregion register

afterAll(async () => {
  trace.disable();
  context.disable();
  await provider.shutdown();
});

const named = (spans: ReadonlyArray<ReadableSpan>, name: string) => spans.filter((s) => s.name === name);
const childrenOf = (spans: ReadonlyArray<ReadableSpan>, parent: ReadableSpan) =>
  spans.filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId);

describe('tracing Dossier on EventStoreDB', () => {
  it("traces a command, the invitation flow's reaction to it and the read models' batches", async () => {
    const server = await startTestServer({ client: '@eventstore/db-client' });
    const { store } = await right(openStore(server.url));
    const dossier = createDossier({ store, projectionStore: createInMemoryProjectionStore(), idleMs: 5 });
    try {
      await right(() => dossier.start());
      await right(
        dossier.execute('paymentProfile', profileStream, createProfile(), { commandId: 'cmd-create' }),
      );
      await dossier.waitUntilCaughtUp();
      exporter.reset();
      const invite = inviteUser(ana, ['purchase'], 'inv-ana');
      const invited = await right(
        dossier.execute('paymentProfile', profileStream, invite, { commandId: 'cmd-invite-ana' }),
      );
      await dossier.waitUntilCaughtUp();
      const spans = exporter.getFinishedSpans();
      if (process.env['DOSSIER_PRINT_TRACE'] === '1') console.log(traceTree(spans));

      const command = named(spans, 'dossier.handle').find(
        (s) => s.attributes[at.commandId] === 'cmd-invite-ana',
      );
      expect(command?.attributes).toMatchObject({
        [at.stream]: profileStream,
        [at.commandType]: 'InviteUser',
        [at.revision]: 1,
        [at.outcome]: 'appended',
      });
      expect(command?.parentSpanContext).toBeUndefined();
      expect(childrenOf(spans, command as ReadableSpan).map((s) => s.name)).toEqual([
        'dossier.load',
        'dossier.decide',
        'dossier.append',
      ]);

      const userInvited = invited.events[0];
      const step = named(spans, 'dossier.flow.event').find((s) => s.attributes[at.flow] === 'invitationFlow');
      expect(step?.attributes).toMatchObject({
        [at.eventType]: 'UserInvited',
        [at.stream]: profileStream,
        [at.position]: Number(userInvited?.position),
        [at.outcome]: 'dispatched',
      });
      const [issued] = childrenOf(spans, step as ReadableSpan);
      expect(issued?.name).toBe('dossier.handle');
      expect(issued?.attributes).toMatchObject({
        [at.commandType]: 'IssueInvitation',
        [at.commandId]: commandIdFor(userInvited?.metadata.eventId ?? '', 0),
        [at.stream]: 'invitation-inv-ana',
        [at.outcome]: 'appended',
      });
      expect(issued?.status.code).not.toBe(SpanStatusCode.ERROR);
      const batches = named(spans, 'dossier.projection.batch').map((s) => s.attributes[at.projection]);
      // A request `execute` turns away before handling is traced as handling that failed, with the error's tag.
      exporter.reset();
      const bad = { type: 'InviteUser', data: { email: 42 } } as never;
      await dossier.execute('paymentProfile', profileStream, bad, { commandId: 'cmd-bad' })();
      const [refused, ...others] = named(exporter.getFinishedSpans(), 'dossier.handle');
      expect(others).toEqual([]);
      expect(named(exporter.getFinishedSpans(), 'dossier.load')).toEqual([]);
      expect(refused?.status.code).toBe(SpanStatusCode.ERROR);
      expect(refused?.attributes).toMatchObject({
        [at.errorType]: 'DecodeFailed',
        [at.outcome]: 'failed',
        [at.commandId]: 'cmd-bad',
        [at.stream]: profileStream,
      });
      // The open-ticket queue folds no profile or invitation event: it has no batch to save.
      expect(new Set(batches)).toEqual(new Set(['permissionMatrix', 'pendingInvitations', 'auditTrail']));
    } finally {
      await dossier.stop();
      await store.close();
      await server.stop();
    }
  });
});
