import fc from 'fast-check';
import type { AggregateName } from '../../src/index.js';
import {
  accept,
  ana,
  createProfile,
  day,
  decline,
  escalate,
  expire,
  inviteUser,
  openCase,
  requestInformation,
  requestOutageRemedy,
  resolve,
  startWork,
} from '@dossier/projections/testing';

/** One input to `execute`, and whether it is invalid by construction (then it must be answered `DecodeFailed`). */
export interface FuzzInput {
  readonly command: unknown;
  readonly invalid: boolean;
  /** What was done to make it, for the report of a failure. */
  readonly how: string;
}

const issueInvitation = {
  type: 'IssueInvitation',
  at: day(0),
  actor: { id: 'system:invitation-flow', email: 'flow@dossier.example' },
  data: {
    invitationId: 'inv-1',
    profileId: 'profile-1',
    email: 'ana@acme.example',
    permissions: ['read'],
    emailPreference: 'administrative',
    issuedBy: 'user-owner',
  },
};

/** Valid commands of each aggregate, which the mutations start from. */
export const validSeeds: { readonly [A in AggregateName]: ReadonlyArray<unknown> } = {
  supportCase: [
    openCase({ id: 'fuzz' }),
    startWork({ at: day(1) }),
    requestInformation({ at: day(1) }),
    escalate({ at: day(1) }),
    requestOutageRemedy({ at: day(1) }),
    resolve({ at: day(2) }),
  ],
  paymentProfile: [createProfile({}, {}, 'fuzz'), inviteUser(ana, ['read'], 'inv-1')],
  invitation: [issueInvitation, accept(ana, day(1)), decline(ana, day(1)), expire(day(15))],
};

type Json = Record<string, unknown>;

const clone = (value: unknown): Json => structuredClone(value) as Json;

/** Each mutation turns a valid command into one that is invalid by construction. */
const mutations: ReadonlyArray<readonly [string, (command: Json) => unknown]> = [
  ['no type', (c) => ({ ...c, type: undefined })],
  ['an unknown type', (c) => ({ ...c, type: `${String(c['type'])}!` })],
  ['no actor', (c) => ({ ...c, actor: undefined })],
  ['an actor without e-mail', (c) => ({ ...c, actor: { id: 'user-x' } })],
  ['an actor without id', (c) => ({ ...c, actor: { email: 'x@acme.example' } })],
  ['an actor id with a quote', (c) => ({ ...c, actor: { id: 'user-"x"', email: 'x@acme.example' } })],
  [
    'an actor id with a control character',
    (c) => ({ ...c, actor: { id: 'user-\u0007', email: 'x@acme.example' } }),
  ],
  ['an impossible date', (c) => ({ ...c, at: '2026-02-30T00:00:00Z' })],
  ['an instant without offset', (c) => ({ ...c, at: '2026-03-01T00:00:00' })],
  ['no data', (c) => ({ ...c, data: undefined })],
  ['data as an array', (c) => ({ ...c, data: [] })],
  ['the command in an array', (c) => [c]],
  ['null', () => null],
  ['an array with an own constructor', (c) => Object.assign([c], { constructor: 1 })],
  [
    'an array field with an own constructor',
    (c) => {
      const data = { ...(c['data'] as Json) };
      const list = Object.keys(data).find((key) => Array.isArray(data[key]));
      const array = Object.assign([...((list === undefined ? [] : data[list]) as unknown[])], {
        constructor: 0,
      });
      return { ...c, data: { ...data, [list ?? 'extra']: array } };
    },
  ],
  ['a class instance', (c) => Object.assign(Object.create({ inherited: true }) as object, c)],
  [
    'a getter',
    (c) =>
      Object.defineProperty({ ...c }, 'actor', {
        enumerable: true,
        get: () => {
          throw new Error('a getter that throws');
        },
      }),
  ],
  [
    'a proxy that throws',
    (c) =>
      new Proxy(c, {
        get: () => {
          throw new Error('a proxy that throws');
        },
        ownKeys: () => {
          throw new Error('a proxy that throws');
        },
      }),
  ],
  ['a bigint field', (c) => ({ ...c, at: 10n })],
  ['a function', (c) => ({ ...c, data: () => c })],
  ['a symbol key', (c) => ({ ...c, [Symbol('x')]: 1 })],
  [
    'a cycle',
    (c) => {
      const data: Json = { ...(c['data'] as Json) };
      data['self'] = data;
      return { ...c, data };
    },
  ],
];

const seedArb = (aggregate: AggregateName): fc.Arbitrary<Json> =>
  fc.constantFrom(...validSeeds[aggregate]).map(clone);

/** A path into a value and a new value there: its validity is not known. */
const replaceSomewhere = (command: Json, at: number, value: unknown): unknown => {
  const paths: string[][] = [];
  const walk = (node: unknown, path: string[]): void => {
    paths.push(path);
    if (typeof node === 'object' && node !== null)
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(command, []);
  const path = paths[at % paths.length] ?? [];
  if (path.length === 0) return value;
  const copy = clone(command);
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  node[path[path.length - 1] ?? ''] = value;
  return copy;
};

/** Inputs for one aggregate: random values and JSON, valid commands, and valid commands broken on purpose. */
export const fuzzInputArb = (aggregate: AggregateName): fc.Arbitrary<FuzzInput> =>
  fc.oneof(
    fc
      .anything({ withBigInt: true, withNullPrototype: true, withObjectString: true })
      .map((command): FuzzInput => ({ command, invalid: false, how: 'anything' })),
    fc.jsonValue().map((command): FuzzInput => ({ command, invalid: false, how: 'random JSON' })),
    seedArb(aggregate).map((command): FuzzInput => ({ command, invalid: false, how: 'a valid command' })),
    fc.tuple(seedArb(aggregate), fc.nat(), fc.jsonValue()).map(([seed, at, value]): FuzzInput => ({
      command: replaceSomewhere(seed, at, value),
      invalid: false,
      how: 'a valid command with one value replaced',
    })),
    fc
      .tuple(seedArb(aggregate), fc.constantFrom(...mutations))
      .map(([seed, [how, mutate]]): FuzzInput => ({ command: mutate(seed), invalid: true, how })),
  );
