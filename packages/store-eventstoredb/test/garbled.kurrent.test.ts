// Garbled answers through @kurrent/kurrentdb-client (see support/garbled.ts): its reads and subscriptions are decoded
// by the store's own reader (src/readResponses.ts), which must refuse what is no answer.
import { afterEach, describe } from 'vitest';
import { startKurrentFixture, type KurrentFixture } from './support/kurrentdb.js';
import { garbledAnswerTests } from './support/garbled.js';

let fixture: KurrentFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

describe('garbled answers, @kurrent/kurrentdb-client', () => {
  garbledAnswerTests(async () => (fixture = await startKurrentFixture({ batchAppend: true, faults: true })));
});
