// Runs a copy of the KurrentDB Node client's own tests (prepared by run.mjs in CLIENT_TESTS_DIR) against the test
// server, with the package's own copy of @kurrent/kurrentdb-client so the server and the tests share its classes.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = resolve(here, '../..');
const requireFromPackage = createRequire(join(packageRoot, 'package.json'));
const clientRoot = dirname(requireFromPackage.resolve('@kurrent/kurrentdb-client/package.json'));
const grpcRoot = dirname(requireFromPackage.resolve('@grpc/grpc-js/package.json'));
const testsDir = process.env.CLIENT_TESTS_DIR;
if (testsDir === undefined) throw new Error('CLIENT_TESTS_DIR is not set: run this through run.mjs');

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@test-utils\/Cluster$/, replacement: join(testsDir, 'utils/Cluster.mjs') },
      { find: /^@test-utils$/, replacement: join(testsDir, 'utils/index.ts') },
      { find: /^@kurrent\/kurrentdb-client$/, replacement: join(clientRoot, 'dist/index.js') },
      { find: /^@kurrent\/kurrentdb-client\/(.*)$/, replacement: `${clientRoot}/$1` },
      { find: /^@grpc\/grpc-js$/, replacement: join(grpcRoot, 'build/src/index.js') },
      { find: /^@grpc\/grpc-js\/(.*)$/, replacement: `${grpcRoot}/$1` },
      { find: /^@dossier\/eventstoredb-test-server$/, replacement: join(packageRoot, 'dist/src/index.js') },
    ],
  },
  test: {
    root: testsDir,
    include: ['streams/**/*.test.ts', 'connection/**/*.test.ts'],
    globals: true,
    setupFiles: [join(here, 'setup.mjs')],
    snapshotSerializers: [join(here, 'errorSnapshot.mjs')],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    server: { deps: { external: [/node_modules/] } },
  },
});
