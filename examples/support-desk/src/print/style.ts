import Table from 'cli-table3';
import { createColors } from 'picocolors';

/** Where the demo writes: a stream, or anything with `write`. */
export interface Output {
  readonly write: (text: string) => unknown;
}

/** Colours (or none) and tables in the same style. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
  /** A table with a header row, as text; a column with a width wraps its text at word boundaries. */
  readonly table: (
    head: ReadonlyArray<string>,
    rows: ReadonlyArray<ReadonlyArray<string>>,
    widths?: ReadonlyArray<number | null>,
  ) => string;
}

/** The style of the demo's output; colours only when `color` is set (a TTY). */
export const makeStyle = (color: boolean): Style => {
  const c = createColors(color);
  return {
    bold: c.bold,
    dim: c.dim,
    red: c.red,
    green: c.green,
    yellow: c.yellow,
    cyan: c.cyan,
    table: (head, rows, widths = []) => {
      // cli-table3 colours heads and borders itself unless told not to; the Style decides instead.
      const table = new Table({
        head: head.map((h) => c.bold(h)),
        style: { head: [], border: [] },
        colWidths: [...widths],
        wordWrap: true,
      });
      for (const row of rows) table.push([...row]);
      return table.toString();
    },
  };
};

/** A section heading. */
export const heading = (style: Style, title: string): string => `\n${style.bold(style.cyan(title))}\n`;
