import { CommanderError } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import type { CliContext } from './context.js';
import { exitCodes, type ExitCode } from './exitCodes.js';
import { buildProgram } from './program.js';

const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));

/** Runs `dossier` with the arguments after the program name and answers the exit code; never throws. */
export const run = async (argv: ReadonlyArray<string>, ctx: CliContext): Promise<ExitCode> => {
  let code: ExitCode = exitCodes.ok;
  const program = buildProgram(ctx, async (task) => {
    const result = await task();
    if (E.isLeft(result)) {
      ctx.stderr.write(`dossier: ${result.left.message}\n`);
      code = result.left.code;
    }
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (thrown) {
    if (thrown instanceof CommanderError) {
      // `--help` and `help <command>` end through here too, with commander's exit code 0; a bare
      // `dossier` shows the help as an error.
      if (thrown.exitCode === 0) return exitCodes.ok;
      return exitCodes.usage;
    }
    ctx.stderr.write(
      `dossier: internal error: ${messageOf(thrown)}${ctx.env['DOSSIER_DEBUG'] === undefined ? ' (set DOSSIER_DEBUG=1 to see where)' : `\n${thrown instanceof Error ? (thrown.stack ?? '') : ''}`}\n`,
    );
    return exitCodes.internal;
  }
};
