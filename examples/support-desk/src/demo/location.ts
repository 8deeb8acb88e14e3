import { isAbsolute, relative, resolve } from 'node:path';
import type { StoreLocation } from '@dossier/app';

/** The `--store` argument that names this location from `from`: a relative path when it is below `from`. */
export const storeArgument = (location: StoreLocation, from: string): string => {
  if (location.kind === 'eventstoredb') return location.connectionString;
  const absolute = resolve(location.path);
  const shown = relative(from, absolute);
  return `sqlite:${shown.startsWith('..') || isAbsolute(shown) ? absolute : shown}`;
};

/** Where the data lives, for people. */
export const describeWhere = (location: StoreLocation, description: string): string =>
  location.kind === 'sqlite' ? `SQLite file ${resolve(location.path)}` : description;
