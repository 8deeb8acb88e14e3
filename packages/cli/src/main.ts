#!/usr/bin/env node
import { processContext } from './context.js';
import { run } from './run.js';

const code = await run(process.argv.slice(2), processContext());
process.exitCode = code;
// A client still dialling an unreachable server must not keep the process alive once the answer is out.
setTimeout(() => process.exit(code), 2_000).unref();
