import { createColors } from 'picocolors';

/** Where a command writes, and how. */
export interface Output {
  readonly write: (text: string) => void;
  readonly isTTY: boolean;
}

/** The process as a command sees it: its outputs, environment and colours. */
export interface CliContext {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Colours for stdout: functions that return their input unchanged when colour is off. */
  readonly colours: Colours;
  /** Whether stderr is a terminal: the progress bar shows only there. */
  readonly interactive: boolean;
}

/** The colour functions commands use. */
export type Colours = ReturnType<typeof createColors>;

/** Colour only on a terminal, never with NO_COLOR set (https://no-color.org), always with FORCE_COLOR. */
export const colourEnabled = (isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean => {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return isTTY && env['TERM'] !== 'dumb';
};

/** The reader of a pipe went away (`dossier export | head`): it wanted no more, so stop quietly. */
const quietOnClosedPipe = (stream: NodeJS.WriteStream): void => {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
};

/** The context of this process. */
export const processContext = (): CliContext => {
  quietOnClosedPipe(process.stdout);
  const stdout: Output = {
    write: (text) => void process.stdout.write(text),
    isTTY: process.stdout.isTTY === true,
  };
  const stderr: Output = {
    write: (text) => void process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
  };
  return {
    stdout,
    stderr,
    env: process.env,
    colours: createColors(colourEnabled(stdout.isTTY, process.env)),
    interactive: stderr.isTTY,
  };
};
