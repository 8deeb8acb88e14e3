import { eventCatalogue, type CatalogueEntry } from './catalogue.js';

// Inside a table cell a `|` would end the cell, even within a code span.
const cell = (text: string): string => `\`${text.replace(/\|/g, '\\|')}\``;

// Longer types (unions of records) are written out below the table, where they can be read.
const longType = 60;

const section = (entry: CatalogueEntry): string => {
  const rows = entry.fields.map((field) => {
    const type = field.type.length > longType ? 'see below' : cell(field.type);
    return `| ${cell(field.name)} | ${type} | ${field.optional ? 'optional' : 'required'} |`;
  });
  const long = entry.fields
    .filter((field) => field.type.length > longType)
    .flatMap((field) => [`\`${field.name}\`:`, '', '```text', field.type, '```', '']);
  return [
    `### ${entry.type}`,
    '',
    `Stream \`${entry.stream}\` · schema version ${entry.schemaVersion}`,
    '',
    '| field | type | |',
    '| --- | --- | --- |',
    ...rows,
    '',
    ...long,
  ].join('\n');
};

/** The event catalogue as Markdown: what docs/events.md holds, generated from the codecs. */
export const eventCatalogueMarkdown = (
  catalogue: ReadonlyArray<CatalogueEntry> = eventCatalogue(),
): string => {
  const byAggregate = new Map<string, CatalogueEntry[]>();
  for (const entry of catalogue)
    byAggregate.set(entry.aggregate, [...(byAggregate.get(entry.aggregate) ?? []), entry]);
  const index = catalogue.map((entry) => `[${entry.type}](#${entry.type.toLowerCase()})`).join(' · ');
  return [
    '# Event catalogue',
    '',
    "<!-- Generated from the domain's io-ts codecs by packages/app/src/catalogue; do not edit by hand.",
    '     Regenerate: pnpm exec tsc -b && node packages/app/dist/src/catalogue/write.js -->',
    '',
    `Every event type Dossier stores (${catalogue.length}), with the fields of its \`data\` and its schema version. Each`,
    'event is `{ type, data }`; the store adds the metadata (event id, command id and digest, correlation and causation',
    "ids, actor, `recordedAt`, schema version, hash) described in [stores.md](stores.md). Types are the codecs' names:",
    'branded strings (`Instant`, `Email`, `UserId`, …) are ISO-8601 UTC instants, lower-cased addresses and non-empty ids.',
    'A test (`packages/app/test/catalogue.test.ts`) fails when this file is not what the codecs give.',
    '',
    index,
    '',
    ...[...byAggregate].flatMap(([aggregate, entries]) => [`## ${aggregate}`, '', ...entries.map(section)]),
  ].join('\n');
};
