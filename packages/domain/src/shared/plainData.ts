import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/** How deep a command may nest: far beyond any command, far short of the call stack's limit. */
const maxDepth = 32;

const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));

const problem = (value: unknown, context: t.Context, message: string): t.ValidationError => ({
  value,
  context,
  message,
});

const at = (c: t.Context, key: string, actual: unknown, type: t.Decoder<unknown, unknown>): t.Context => [
  ...c,
  { key, type, actual },
];

/**
 * A copy of `u` made only of JSON's kinds of value (and `undefined`, which an optional field may hold), or a failure
 * naming each part that is not: an array with an own `constructor`, holes or a prototype of its own, an object of a
 * class, a getter, a symbol key, a function. The copy is what the codec reads, so nothing the caller changes later,
 * and no accessor, reaches `decide`.
 */
const copyPlain = (
  u: unknown,
  c: t.Context,
  depth: number,
  type: t.Decoder<unknown, unknown>,
): t.Validation<unknown> => {
  if (
    u === null ||
    u === undefined ||
    typeof u === 'string' ||
    typeof u === 'boolean' ||
    typeof u === 'number'
  )
    return t.success(u);
  if (typeof u !== 'object') return t.failure(u, c, `expected plain data, got a ${typeof u}`);
  if (depth >= maxDepth) return t.failure(u, c, `nested deeper than ${maxDepth} levels`);
  const errors: t.ValidationError[] = [];
  const keep = (validation: t.Validation<unknown>): unknown => {
    if (E.isRight(validation)) return validation.right;
    errors.push(...validation.left);
    return undefined;
  };
  const isArray = Array.isArray(u);
  const prototype: unknown = Object.getPrototypeOf(u);
  if (isArray ? prototype !== Array.prototype : prototype !== Object.prototype && prototype !== null)
    return t.failure(
      u,
      c,
      `expected a plain ${isArray ? 'array' : 'object'}, got an instance of another class`,
    );
  const out: Record<string, unknown> | unknown[] = isArray ? [] : {};
  const length = isArray ? (u as ReadonlyArray<unknown>).length : 0;
  let indices = 0;
  for (const key of Reflect.ownKeys(u)) {
    if (typeof key === 'symbol') {
      errors.push(problem(key, at(c, String(key), u, type), 'expected plain data, got a symbol key'));
      continue;
    }
    if (isArray && key === 'length') continue;
    if (isArray && !(String(Number(key)) === key && Number(key) < length)) {
      errors.push(problem(u, at(c, key, u, type), `an array holds only items, not a property "${key}"`));
      continue;
    }
    const descriptor = Object.getOwnPropertyDescriptor(u, key);
    if (descriptor === undefined || !('value' in descriptor) || descriptor.enumerable !== true) {
      errors.push(problem(u, at(c, key, u, type), 'expected a plain value, got a getter or hidden property'));
      continue;
    }
    if (isArray) indices += 1;
    const value = keep(copyPlain(descriptor.value, at(c, key, descriptor.value, type), depth + 1, type));
    // Defined rather than assigned, so that a key `__proto__` stays a key and never becomes a prototype.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  if (isArray && indices !== length) errors.push(problem(u, c, 'expected an array without holes'));
  return errors.length > 0 ? t.failures(errors) : t.success(out);
};

// The copies this module made, which nobody else holds while they are being decoded.
const copies = new WeakSet<object>();

/**
 * The codec, applied to a plain-data copy of its input: anything that is not plain data fails with its paths, and a
 * hostile input (a proxy whose traps throw) fails instead of throwing. For boundaries, where input comes from outside.
 */
export const plainData = <A, O>(codec: t.Type<A, O, unknown>): t.Type<A, O, unknown> =>
  new t.Type<A, O, unknown>(
    codec.name,
    codec.is,
    (u, c) => {
      // A copy made by an outer `plainData` (a union's, around its members') is plain already.
      if (typeof u === 'object' && u !== null && copies.has(u)) return codec.validate(u, c);
      let copied: t.Validation<unknown>;
      try {
        copied = copyPlain(u, c, 0, codec);
      } catch (thrown) {
        return t.failure(u, c, `could not be read as plain data: ${messageOf(thrown)}`);
      }
      if (E.isLeft(copied)) return copied;
      if (typeof copied.right === 'object' && copied.right !== null) copies.add(copied.right);
      return codec.validate(copied.right, c);
    },
    codec.encode,
  );
