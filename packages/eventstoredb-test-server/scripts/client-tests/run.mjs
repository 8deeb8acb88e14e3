#!/usr/bin/env node
// Runs the KurrentDB Node client's own streams and connection tests, unchanged, against this package's test server.
//
//   pnpm exec tsc -b && node packages/eventstoredb-test-server/scripts/client-tests/run.mjs <client checkout> [vitest args]
//
// <client checkout> is a copy of the client's repository (github.com/kurrent-io/KurrentDB-Client-NodeJS); its
// packages/test/src/{streams,connection,utils} are copied to a temporary folder, the docker-based utils/Cluster.ts is
// replaced by Cluster.mjs beside this file, and vitest runs them (globals on, `jest` = `vi`) with the client this
// package has installed. Nothing is downloaded. Not part of `pnpm test`: it needs the client's repository.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [checkout, ...vitestArgs] = process.argv.slice(2);
if (checkout === undefined) {
  console.error('usage: run.mjs <KurrentDB-Client-NodeJS checkout> [vitest args]');
  process.exit(2);
}
const source = resolve(checkout, 'packages/test/src');
if (!existsSync(join(source, 'streams')) || !existsSync(join(source, 'utils/Cluster.ts'))) {
  console.error(`${source} has no streams/ or utils/Cluster.ts: is ${checkout} the client's repository?`);
  process.exit(2);
}
if (!existsSync(resolve(here, '../../dist/src/index.js'))) {
  console.error('Build the package first: pnpm exec tsc -b');
  process.exit(2);
}

const copy = mkdtempSync(join(tmpdir(), 'client-tests-'));
try {
  for (const folder of ['streams', 'connection', 'utils'])
    cpSync(join(source, folder), join(copy, folder), { recursive: true });
  rmSync(join(copy, 'utils/Cluster.ts'));
  cpSync(join(here, 'Cluster.mjs'), join(copy, 'utils/Cluster.mjs'));
  const vitest = join(
    dirname(createRequire(join(here, 'package.json')).resolve('vitest/package.json')),
    'vitest.mjs',
  );
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', '--config', join(here, 'vitest.config.mjs'), ...vitestArgs],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        CLIENT_TESTS_DIR: copy,
        CLIENT_TESTS_TLS_DIR: resolve(here, '../../test/fixtures/tls'),
      },
    },
  );
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(copy, { recursive: true, force: true });
}
