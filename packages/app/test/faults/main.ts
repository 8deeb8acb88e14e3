// `pnpm soak:esdb`: the fault suite with a seed of its own (printed, so a failure can be run again with SEED=…), as
// many commands as COMMANDS says (5,000 unless told), against the test server with faults of every kind, or against
// the real server at EVENTSTORE_URL with faults made on the client side. CLIENT=kurrent uses @kurrent/kurrentdb-client
// (appending over BatchAppend) instead of @eventstore/db-client. Exits 1 when the run differs from the fault-free one.
import { randomInt, randomUUID } from 'node:crypto';
import type { EsdbClientLike } from '@dossier/store-eventstoredb';
import { createEventStoreDbStore } from '@dossier/store-eventstoredb';
import { startTestServer } from '@dossier/eventstoredb-test-server';
import { dossierSchema } from '../../src/index.js';
import { clientFaults } from './clientFaults.js';
import { serverFaults } from './inject.js';
import { differences, eventCount, referenceRun, runLanes, type BeforeCommand } from './run.js';
import { plan } from './workload.js';

const seed = Number(process.env['SEED'] ?? randomInt(2 ** 31));
const commands = Number(process.env['COMMANDS'] ?? 5_000);
const kurrent = process.env['CLIENT'] === 'kurrent';
const url = process.env['EVENTSTORE_URL'];

const connect = async (connection: string): Promise<EsdbClientLike> => {
  if (kurrent) {
    const { KurrentDBClient } = await import('@kurrent/kurrentdb-client');
    return KurrentDBClient.connectionString(connection);
  }
  const { EventStoreDBClient } = await import('@eventstore/db-client');
  return EventStoreDBClient.connectionString(connection);
};

const main = async (): Promise<number> => {
  const clientName = kurrent ? '@kurrent/kurrentdb-client' : '@eventstore/db-client';
  console.log(`soak:esdb seed ${seed} (SEED=${seed} runs it again), ${commands} commands, ${clientName}`);
  const lanes = plan(seed, commands, 4);
  const reference = await referenceRun(lanes);
  const started = Date.now();
  let before: BeforeCommand;
  let client: EsdbClientLike;
  let report: () => string;
  let stop = (): Promise<void> => Promise.resolve();
  if (url === undefined) {
    // db-client over Append: its BatchAppend mishandles a reset connection (see faults.eventstoredb.test.ts).
    const server = await startTestServer({
      client: clientName,
      faults: true,
      advertiseBatchAppend: kurrent,
      multiStreamAppend: false,
    });
    client = await connect(kurrent ? `${server.kurrentUrl}&discoveryInterval=10` : server.url);
    const faults = serverFaults(server, seed, 0.25);
    before = faults.before;
    report = () =>
      `${server.faults.fired.length} faults fired ${JSON.stringify(faults.injected.byKind)}, ${faults.injected.resets} resets`;
    stop = () => server.stop();
  } else {
    const faults = clientFaults(await connect(url), seed, 0.25);
    client = faults.client;
    before = faults.before;
    report = () => `client-side faults ${JSON.stringify(faults.injected)}`;
  }
  const store = createEventStoreDbStore(
    { client },
    {
      schema: dossierSchema,
      ...(url === undefined ? {} : { streamPrefix: `dossier-soak-${randomUUID()}/` }),
    },
  );
  try {
    const outcome = await runLanes(store, lanes, before);
    const found = differences(reference, outcome);
    console.log(
      `${lanes.flat().length} commands, ${eventCount(outcome)} events in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `${report()}; ${outcome.retries} commands sent again, ${outcome.repeats} found applied; failures ${JSON.stringify(outcome.failures)}`,
    );
    if (found.length > 0) {
      console.log(`DIFFERS from the fault-free run (seed ${seed}):\n  ${found.join('\n  ')}`);
      return 1;
    }
    console.log('same as the fault-free run: 0 events lost or doubled, 0 read-model rows missing or doubled');
    return 0;
  } finally {
    await store.close();
    await client.dispose();
    await stop();
  }
};

process.exitCode = await main();
