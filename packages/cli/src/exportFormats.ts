import type { RecordedEvent } from '@dossier/core';

/** The formats `dossier export` writes. */
export const exportFormats = ['jsonl', 'csv'] as const;
/** One of {@link exportFormats}. */
export type ExportFormat = (typeof exportFormats)[number];

/** One event with all its metadata as plain JSON; revision and position as decimal strings, lossless. */
export const exportRecord = (event: RecordedEvent) => ({
  position: event.position.toString(),
  stream: event.stream,
  revision: event.revision.toString(),
  type: event.type,
  data: event.data,
  metadata: event.metadata,
});

const csvColumns = [
  'position',
  'stream',
  'revision',
  'type',
  'eventId',
  'commandId',
  'commandHash',
  'correlationId',
  'causationId',
  'actor',
  'recordedAt',
  'schemaVersion',
  'hash',
  'data',
] as const;

// OWASP, CSV injection: a spreadsheet takes a cell that begins with = + - @, a tab or a carriage return for a
// formula (an actor `=HYPERLINK(…)` would run on opening); a leading ' makes it text. The JSON lines export is the
// lossless one: a CSV cell so neutralised differs from the log by that one quote.
const formulaStart = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet will show it: text, never a formula. */
export const neutraliseCell = (value: string): string => (formulaStart.test(value) ? `'${value}` : value);

// RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes.
const csvField = (value: string): string => {
  const cell = neutraliseCell(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
};

/** The CSV header line. */
export const csvHeader = `${csvColumns.join(',')}\r\n`;

/** One event as a CSV line: the metadata in columns, the data as JSON in the last. */
export const csvLine = (event: RecordedEvent): string => {
  const m = event.metadata;
  const fields = [
    event.position.toString(),
    event.stream,
    event.revision.toString(),
    event.type,
    m.eventId,
    m.commandId ?? '',
    m.commandHash ?? '',
    m.correlationId,
    m.causationId ?? '',
    m.actor ?? '',
    m.recordedAt,
    String(m.schemaVersion),
    m.hash,
    JSON.stringify(event.data),
  ];
  return `${fields.map(csvField).join(',')}\r\n`;
};

/** One event as a JSON line. */
export const jsonLine = (event: RecordedEvent): string => `${JSON.stringify(exportRecord(event))}\n`;
