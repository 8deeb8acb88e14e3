import { readdirSync, existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Packages resolve each other through the `source` export condition, so tests run
// against the TypeScript sources and never against a stale build. Not `module`: it names a bundler's build, which
// Node cannot always load (OpenTelemetry's imports files without their extensions).
const conditions = ['source', 'import', 'node', 'default'];

const workspaceFolders = ['packages', 'examples'].flatMap((root) =>
  existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(`${root}/${entry.name}/package.json`))
        .map((entry) => `${root}/${entry.name}`)
    : [],
);

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    projects: workspaceFolders.map((folder) => ({
      extends: true,
      test: {
        name: folder.split('/')[1] ?? folder,
        root: folder,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      },
    })),
  },
});
