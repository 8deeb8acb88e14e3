import { runDemo } from './index.js';

// `pnpm demo` runs here, in examples/support-desk: the SQLite file is ./.dossier/events.db below this folder
// unless EVENTSTORE_URL (an esdb:// string) or DOSSIER_STORE names another store.
const store = process.env['EVENTSTORE_URL'] ?? process.env['DOSSIER_STORE'];
const result = await runDemo({
  ...(store === undefined || store === '' ? {} : { store }),
  out: process.stdout,
  color: process.stdout.isTTY && process.env['NO_COLOR'] === undefined,
  // pnpm sets INIT_CWD to where `pnpm demo` was typed: the printed --store paths work from there.
  relativeTo: process.env['INIT_CWD'] ?? process.cwd(),
  // In the repository the CLI runs through the root script, which builds it first when needed.
  cli: 'pnpm dossier',
});

if (result._tag === 'Left') {
  const failure = result.left;
  const detail =
    'cause' in failure ? failure.cause : 'reason' in failure ? failure.reason : JSON.stringify(failure);
  process.stderr.write(`demo: could not run (${failure._tag}): ${detail}\n`);
  process.exitCode = 1;
} else if (result.right.surprises.length > 0 || result.right.flowRefusals > 0) {
  for (const entry of result.right.surprises)
    process.stderr.write(`demo: ${entry.id}: ${entry.surprise ?? ''}\n`);
  process.stderr.write('demo: the story did not go as scripted\n');
  process.exitCode = 1;
}
