// Run by soak.mjs with plain `node` against the built package: appends batches of 1–20 events to a few streams
// until killed, printing `ack <batch> <stream> <events>` once each append has committed (acknowledged).
import { randomUUID } from 'node:crypto';
import { createSqliteStore } from '../dist/src/index.js';

const [path, firstBatchArg] = process.argv.slice(2);
const store = createSqliteStore({ path });
const streams = ['soak-a', 'soak-b', 'soak-c', 'soak-d'];
for (let batch = Number(firstBatchArg); ; batch++) {
  const stream = streams[batch % streams.length];
  const size = 1 + (batch % 20);
  const events = Array.from({ length: size }, (_, i) => ({
    type: 'SoakEventWritten',
    data: { batch, i, size, padding: 'x'.repeat(100 + (batch % 7) * 50) },
    metadata: { eventId: randomUUID() },
  }));
  const result = await store.append(stream, 'any', events)();
  if (result._tag === 'Left') {
    console.error(JSON.stringify(result.left));
    process.exit(1);
  }
  console.log(`ack ${batch} ${stream} ${size}`);
}
