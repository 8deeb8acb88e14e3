import { InvalidArgumentError, Option, type Command } from 'commander';
import type { StoreOptions } from './storeAccess.js';

// Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a larger delay fires at once.
const maxTimeoutMs = 2_147_483_647;

const parseTimeout = (given: string): number => {
  const ms = /^\d+$/.test(given) ? Number(given) : Number.NaN;
  if (!Number.isSafeInteger(ms) || ms <= 0 || ms > maxTimeoutMs)
    throw new InvalidArgumentError(`give a whole number of milliseconds from 1 to ${maxTimeoutMs}.`);
  return ms;
};

/** The default `--timeout`: long enough for a busy SQLite file or a distant server, short enough to notice. */
export const defaultTimeoutMs = 5_000;

/** Adds `--store` and `--timeout`, which every command that reads the store takes. */
export const withStoreOptions = (command: Command): Command =>
  command
    .option(
      '--store <location>',
      'sqlite:<path>, esdb://host:2113?tls=false or esdb+discover://host1,host2 (default: $DOSSIER_STORE, else sqlite:./.dossier/events.db)',
    )
    .addOption(
      new Option('--timeout <ms>', 'give up on a store that does not answer within this time')
        .argParser(parseTimeout)
        .default(defaultTimeoutMs),
    );

/** Adds `--json`, for scripts. */
export const withJsonOption = (command: Command): Command =>
  command.option('--json', 'print JSON for scripts instead of tables');

/** What commander gives an action for {@link withStoreOptions} and {@link withJsonOption}. */
export interface ReadOptions {
  readonly store?: string;
  readonly timeout: number;
  readonly json?: boolean;
}

/** The store options out of a command's parsed options. */
export const storeOptionsOf = (options: ReadOptions): StoreOptions => ({
  timeout: options.timeout,
  ...(options.store === undefined ? {} : { store: options.store }),
});
