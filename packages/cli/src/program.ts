import { Command } from 'commander';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { registerAudit } from './commands/audit.js';
import { registerCheckpoint } from './commands/checkpoint.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import { registerGenerate } from './commands/generate.js';
import { registerKeygen } from './commands/keygen.js';
import { registerMatrix } from './commands/matrix.js';
import { registerProve } from './commands/prove.js';
import { registerQueue } from './commands/queue.js';
import { registerRebuild } from './commands/rebuild.js';
import { registerReplay } from './commands/replay.js';
import { registerStreams } from './commands/streams.js';
import { registerVerify } from './commands/verify.js';
import { registerVerifyProof } from './commands/verifyProof.js';
import type { CliContext } from './context.js';
import { exitCodeHelp } from './exitCodes.js';
import type { CliFailure } from './failure.js';
import { cliVersion } from './version.js';

/** Runs a command's work and records how it ended; what every action hands its task to. */
export type Execute = (task: TaskEither<CliFailure, void>) => Promise<void>;

const environmentHelp = `
Environment:
  DOSSIER_STORE  the store when --store is not given (default sqlite:./.dossier/events.db)
  NO_COLOR       set to turn colour off; colour is only ever used on a terminal`;

/** The `dossier` program: every subcommand, with errors reported through `ctx.stderr`, never thrown out. */
export const buildProgram = (ctx: CliContext, execute: Execute): Command => {
  const program = new Command('dossier')
    .description(
      'Audit and query a Dossier event store: replay an aggregate as of a moment, read its audit trail, verify the hash chains, rebuild and query the read models, export the log.',
    )
    .version(cliVersion, '-V, --version', 'print the version of @dossier/cli')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      // One line: commander's own message, then where to look.
      outputError: (text, write) =>
        write(`dossier: ${text.trim().replace(/^error: /, '')} (see dossier --help)\n`),
    })
    .addHelpText('after', `${exitCodeHelp}\n${environmentHelp}\n`);
  registerDemo(program, ctx, execute);
  registerReplay(program, ctx, execute);
  registerAudit(program, ctx, execute);
  registerVerify(program, ctx, execute);
  registerKeygen(program, ctx, execute);
  registerCheckpoint(program, ctx, execute);
  registerProve(program, ctx, execute);
  registerVerifyProof(program, ctx, execute);
  registerRebuild(program, ctx, execute);
  registerQueue(program, ctx, execute);
  registerMatrix(program, ctx, execute);
  registerExport(program, ctx, execute);
  registerStreams(program, ctx, execute);
  registerGenerate(program, ctx, execute);
  return program;
};
