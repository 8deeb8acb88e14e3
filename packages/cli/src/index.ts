/** Runs the `dossier` command with the given arguments and context, answering its exit code; never throws. */
export { run } from './run.js';
/** The exit codes `dossier` ends with, and their help text. */
export { exitCodes, exitCodeHelp } from './exitCodes.js';
/** One of the exit codes. */
export type { ExitCode } from './exitCodes.js';
/** What a command sees of the process, and the context of this process. */
export { processContext } from './context.js';
/** What a command sees of the process, and where it writes. */
export type { CliContext, Output } from './context.js';
