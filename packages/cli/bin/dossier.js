#!/usr/bin/env node
// The `dossier` binary. In a clone of the repository the CLI runs from its build (dist/), which `pnpm install`
// does not make: say so in one line instead of a module-not-found stack trace.
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/main.js', import.meta.url);
if (existsSync(main)) {
  await import(main.href);
} else {
  process.stderr.write('dossier: the CLI is not built yet: run `pnpm build` at the root of the repository first\n');
  process.exitCode = 1;
}
