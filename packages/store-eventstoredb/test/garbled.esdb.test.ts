// Garbled answers through @eventstore/db-client (see support/garbled.ts), on both of its append paths.
import { afterEach, describe } from 'vitest';
import { startEsdbFixture, type EsdbFixture } from './support/eventstoredb.js';
import { garbledAnswerTests } from './support/garbled.js';

let fixture: EsdbFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

describe.each([true, false])('garbled answers, @eventstore/db-client (BatchAppend: %s)', (batchAppend) => {
  garbledAnswerTests(async () => (fixture = await startEsdbFixture({ batchAppend, faults: true })));
});
