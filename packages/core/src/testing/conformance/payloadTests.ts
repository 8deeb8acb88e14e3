import { describe, expect, it } from 'vitest';
import type { ConformanceHarness } from './harness.js';
import { newEvent, numbered, right, useSubject } from './fixtures.js';

const unicode = {
  emoji: '🎫🧾👩🏽‍💻 ✅',
  rtl: 'שלום עולם — مرحبا بالعالم',
  mixed: 'Zoë naïve café – 東京 – Ελληνικά – \u0301combining – 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  escapes: 'tab\tnewline\nquote" backslash\\ slash/ \u2028\u2029',
  '🔑 key': ['clé', 'ключ', '鍵'],
};

/** Payloads that stores mangle: unicode, large data, long streams. */
export const describePayloads = (harness: ConformanceHarness): void => {
  describe('payloads', () => {
    const subject = useSubject(harness);

    it('round-trips unicode in data and metadata', async () => {
      const { store } = subject();
      const event = newEvent('TicketOpened', unicode, { actor: 'Zoë 🧑‍🚀', correlationId: 'تصحيح-1' });
      await right(store.append('ticket-1', 'no-stream', [event]));
      const [read] = await right(store.readStream('ticket-1'));
      expect(read?.data).toEqual(unicode);
      expect(read?.metadata.actor).toBe('Zoë 🧑‍🚀');
      expect(read?.metadata.correlationId).toBe('تصحيح-1');
      const [fromLog] = await right(store.readAll());
      expect(fromLog?.data).toEqual(unicode);
    });

    it('round-trips a 1 MiB payload', async () => {
      const { store } = subject();
      const chunk = 'abcdefghijklmnopqrstuvwxyz012345'; // 32 bytes
      const body = chunk.repeat((1024 * 1024) / chunk.length);
      await right(store.append('ticket-1', 'no-stream', [newEvent('TicketCommented', { body })]));
      const [read] = await right(store.readStream('ticket-1'));
      const data = read?.data as { readonly body?: string } | undefined;
      expect(data?.body?.length).toBe(1024 * 1024);
      expect(data?.body === body).toBe(true);
    }, 30_000);

    it('reads back a 10,000-event stream in order', async () => {
      const { store } = subject();
      const total = 10_000;
      for (let from = 0; from < total; from += 500) {
        await right(
          store.append(
            'ticket-long',
            from === 0 ? 'no-stream' : BigInt(from - 1),
            numbered(500, 'TicketCommented', from),
          ),
        );
      }
      const events = await right(store.readStream('ticket-long'));
      expect(events).toHaveLength(total);
      const outOfPlace = events.findIndex(
        (e, i) => e.revision !== BigInt(i) || (e.data as { n?: number }).n !== i,
      );
      expect(outOfPlace).toBe(-1);
      const paged: number[] = [];
      for (let from = 0n; ;) {
        const page = await right(store.readStream('ticket-long', { fromRevision: from, limit: 1_000 }));
        paged.push(...page.map((e) => Number(e.revision)));
        const last = page[page.length - 1];
        if (last === undefined || page.length < 1_000) break;
        from = last.revision + 1n;
      }
      expect(paged).toEqual(Array.from({ length: total }, (_, i) => i));
    }, 60_000);
  });
};
