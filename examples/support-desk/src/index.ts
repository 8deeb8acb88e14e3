/** Runs the support-desk story on a store and prints its views; what `pnpm demo` and `dossier demo` call. */
export { runDemo } from './demo/runDemo.js';
/** How to run the demo, what a run reports, and why it could not run. */
export type { DemoOptions, DemoReport, DemoFailure } from './demo/runDemo.js';
/** One command the story played and its outcome. */
export type { Played } from './demo/play.js';
/** Whether a run was fresh, resumed a complete store, or finished an interrupted run. */
export type { Progress } from './demo/inventory.js';
/** What became of a command. */
export type { Outcome } from './runtime/outcome.js';
/** The story's script, in the order it happens. */
export { script } from './scenario/index.js';
