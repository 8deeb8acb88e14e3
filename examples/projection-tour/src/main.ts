// `node dist/src/main.js`: prints what each file of the projection tour shows.
import { runInMemory } from './runInMemory.js';
import { runOnSqlite } from './runOnSqlite.js';
import { shipOnPayment } from './shipOnPayment.js';

const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const text = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

const memory = await runInMemory();
say('A projection on the in-memory stores');
say(`  open P1 tickets            ${memory.openP1}`);
say(`  open tickets               ${memory.total}`);
say(`  status                     ${text(memory.status)}`);
say(`  heard on the bus           ${text(memory.heard)}`);
say(`  rebuilt                    ${memory.rebuilt}`);
say();
const sqlite = await runOnSqlite();
say('The same projection on SQLite, started twice');
say(`  events applied per run     ${sqlite.appliedPerRun.join(', ')}`);
say(`  open tickets               ${sqlite.total}`);
say();
const shipping = await shipOnPayment();
say('A process manager run twice over the same events');
say(`  shipments per order        ${shipping.shipments.join(', ')}`);
say(`  refused                    ${shipping.refused.join('; ')}`);
