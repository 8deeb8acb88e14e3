import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { firstProblem } from './codecProblem.js';

/**
 * How a store validates events on the way in and decodes them on the way out. Stores apply it at the
 * edges so that nothing undecodable is written and nothing undecodable is handed out unannounced.
 */
export interface EventSchema {
  /** Checks data offered for appending and returns it in the current schema version, or says why not. */
  readonly encode: (type: string, data: unknown) => E.Either<string, EncodedData>;
  /** Upcasts recorded data from its schema version to the current one, then decodes it, or says why not. */
  readonly decode: (type: string, schemaVersion: number, data: unknown) => E.Either<string, unknown>;
}

/** Data as a schema encodes it for storing. */
export interface EncodedData {
  readonly data: unknown;
  readonly schemaVersion: number;
  /**
   * True when the codec left the data as it was given both ways (decoding it and encoding it returned the very
   * same value), so decoding what is stored gives it back unchanged: a store may skip decoding it again to learn
   * what a read will return. Absent or false: decode it.
   */
  readonly readsBackUnchanged?: boolean;
}

/** One step of schema evolution for an event type: turns data at version `from` into version `from + 1`. */
export interface Upcaster {
  readonly from: number;
  readonly up: (data: unknown) => unknown;
}

/**
 * What the schema needs of an io-ts codec of one event type (over the whole `{ type, data }` event). Any
 * `t.Type<YourEvent, YourEventJson, unknown>` fits: `encode` takes `never` because a codec of one event
 * type encodes only that type's events, which is all the schema hands it.
 */
export interface EventCodec {
  readonly decode: (input: unknown) => t.Validation<{ readonly type: string; readonly data: unknown }>;
  readonly encode: (event: never) => { readonly type: string; readonly data: unknown };
}

/** A codec for an event type, over the whole `{ type, data }` event, and the version it writes. */
export interface EventTypeSchema {
  readonly codec: EventCodec;
  /** The current schema version written for this type; 1 unless upcasters raised it. */
  readonly version?: number;
  /** Upcasters from older versions, one per step; they run on read before decoding. */
  readonly upcasters?: ReadonlyArray<Upcaster>;
}

/** Accepts any JSON-serialisable data as it is: for stores used without domain codecs. */
export const anyJsonSchema: EventSchema = {
  encode: (_type, data) =>
    isJsonValue(data)
      ? E.right({ data, schemaVersion: 1, readsBackUnchanged: true })
      : E.left(
          'data is not JSON: it must be plain objects, arrays, strings, finite numbers, booleans or null',
        ),
  decode: (_type, _version, data) => E.right(data),
};

/** Builds a schema from one codec per event type, with optional upcasters for older versions. */
export const eventSchema = (types: Readonly<Record<string, EventTypeSchema>>): EventSchema => {
  const lookup = (type: string): EventTypeSchema | undefined =>
    Object.prototype.hasOwnProperty.call(types, type) ? types[type] : undefined;
  return {
    encode: (type, data) => {
      const entry = lookup(type);
      if (entry === undefined) return E.left(`unknown event type ${JSON.stringify(type)}`);
      const decoded = entry.codec.decode({ type, data });
      if (E.isLeft(decoded)) return E.left(firstProblem(decoded.left));
      const encoded = entry.codec.encode(decoded.right as never).data;
      return E.right({
        data: encoded,
        schemaVersion: entry.version ?? 1,
        // Codecs are pure: if decoding returned the data itself and encoding returned it too, decoding the
        // stored data returns it again.
        readsBackUnchanged: decoded.right.data === data && encoded === data,
      });
    },
    decode: (type, schemaVersion, data) => {
      const entry = lookup(type);
      if (entry === undefined) return E.left(`unknown event type ${JSON.stringify(type)}`);
      const current = entry.version ?? 1;
      if (schemaVersion > current)
        return E.left(`schema version ${schemaVersion} is newer than this reader's ${current}`);
      let upcast = data;
      for (let version = schemaVersion; version < current; version++) {
        const step = entry.upcasters?.find((u) => u.from === version);
        if (step === undefined) return E.left(`no upcaster for ${type} from schema version ${version}`);
        upcast = step.up(upcast);
      }
      const decoded = entry.codec.decode({ type, data: upcast });
      return E.isLeft(decoded) ? E.left(firstProblem(decoded.left)) : E.right(decoded.right.data);
    },
  };
};

/** Whether a value survives JSON unchanged (no undefined, functions, bigint, NaN or class instances). */
export const isJsonValue = (value: unknown): boolean => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value).every(isJsonValue);
  }
  return false;
};

/**
 * A deep, frozen copy of a value that survives JSON unchanged, or `undefined` when it does not (see
 * {@link isJsonValue}): what a store keeps of data it was handed, out of the caller's reach, in one pass.
 */
export const frozenJsonCopy = (value: unknown): unknown => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = frozenJsonCopy(value[i]);
      if (item === undefined) return undefined;
      copy[i] = item;
    }
    return Object.freeze(copy);
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return undefined;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const field = frozenJsonCopy((value as Record<string, unknown>)[key]);
      if (field === undefined) return undefined;
      copy[key] = field;
    }
    return Object.freeze(copy);
  }
  return undefined;
};
