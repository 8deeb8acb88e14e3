import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openProjectionStore, parseStoreLocation } from '@dossier/app';
import { readLog, runInto, tempStore, withStore } from './support.js';

const store = tempStore();
afterAll(() => store.remove());

describe('the support-desk demo with a projection store', () => {
  it('keeps the read models and the flows with their checkpoints in the file, and a second run resumes from them', async () => {
    const path = join(store.folder, 'projections.db');
    const first = await runInto(store.location, store.folder, path);
    expect(first.report.progress).toBe('fresh');
    const log = await withStore(store.location, readLog);
    const location = parseStoreLocation(store.location);
    if (E.isLeft(location)) throw new Error('the test store location does not parse');
    const states = openProjectionStore(location.right, path);
    try {
      const checkpointOf = async (name: string) => {
        const copy = await states.current(name)();
        return E.isRight(copy) ? copy.right?.checkpoint : undefined;
      };
      // The audit trail folds every event: its checkpoint is the log's last position. The flows' are set too.
      expect(await checkpointOf('auditTrail')).toBe(log.at(-1)?.position);
      expect(await checkpointOf('invitationFlow')).toEqual(expect.any(BigInt));
      expect(await checkpointOf('incidentFlow')).toEqual(expect.any(BigInt));
    } finally {
      await states.close();
    }
    const second = await runInto(store.location, store.folder, path);
    expect(second.report.progress).toBe('complete');
    expect(second.report.eventsAfter).toBe(first.report.eventsAfter);
    const views = (output: string) => output.slice(output.indexOf('Open-ticket queue'));
    expect(views(second.output)).toBe(views(first.output));
  }, 60_000);
});
