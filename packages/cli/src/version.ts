import { readFileSync } from 'node:fs';

// The package's own package.json, from src/ (tests) or dist/src/ (the built and installed CLI) alike.
const manifest = new URL(
  import.meta.url.includes('/dist/') ? '../../package.json' : '../package.json',
  import.meta.url,
);

/** The installed @dossier/cli's version, as its package.json states it. */
export const cliVersion: string = (JSON.parse(readFileSync(manifest, 'utf8')) as { readonly version: string })
  .version;
