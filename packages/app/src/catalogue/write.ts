import { writeFileSync } from 'node:fs';
import { eventCatalogueMarkdown } from './markdown.js';

// Run from the repository root: node packages/app/dist/src/catalogue/write.js [path]
const target = process.argv[2] ?? 'docs/events.md';
writeFileSync(target, eventCatalogueMarkdown());
process.stdout.write(`wrote ${target}\n`);
