import Table from 'cli-table3';
import type { Colours } from './context.js';

/** A column that wraps at this many characters instead of widening the table. */
export interface Wrap {
  readonly column: number;
  readonly width: number;
}

/** A table for a terminal or a pipe: headings in bold when colour is on, never colour codes otherwise. */
export const renderTable = (
  colours: Colours,
  head: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  wrap?: Wrap,
): string => {
  const table = new Table({
    head: head.map((h) => colours.bold(h)),
    // cli-table3 colours with its own library; turn that off so that picocolors alone decides.
    style: { head: [], border: [] },
    ...(wrap === undefined
      ? {}
      : {
          colWidths: head.map((_, i) => (i === wrap.column ? wrap.width : null)),
          wordWrap: true,
          wrapOnWordBoundary: true,
        }),
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
};
