import {
  invitationEventTypes,
  paymentProfileEventTypes,
  supportCaseEventTypes,
  type InvitationEvent,
  type PaymentProfileEvent,
  type SupportCaseEvent,
} from '@dossier/domain';
import * as domain from '@dossier/domain';
import * as E from 'fp-ts/lib/Either.js';
import { dossierEventTypes } from '../schema.js';
import { fieldNamesOf } from './fieldNames.js';

/** One field of an event's `data`. */
export interface CatalogueField {
  readonly name: string;
  /** The field's codec name, as io-ts writes it (`Instant`, `ReadonlyArray<Permission>`, `("a" | "b")`…). */
  readonly type: string;
  readonly optional: boolean;
}

/** One event type: its aggregate, stream, schema version and fields, read from its codec. */
export interface CatalogueEntry {
  readonly aggregate: 'SupportCase' | 'PaymentProfile' | 'Invitation';
  readonly type: string;
  readonly stream: string;
  readonly schemaVersion: number;
  readonly fields: ReadonlyArray<CatalogueField>;
}

/** What the catalogue needs of an io-ts codec: its name, and the contexts of the problems it reports. */
interface WalkableCodec {
  readonly name: string;
  readonly decode: (input: unknown) => E.Either<
    ReadonlyArray<{
      readonly context: ReadonlyArray<{ readonly key: string; readonly type: { readonly name: string } }>;
    }>,
    unknown
  >;
  readonly type?: { readonly props?: Readonly<Record<string, { readonly name: string } | undefined>> };
}

const aggregates = [
  { aggregate: 'SupportCase', stream: 'supportCase-<caseId>', types: supportCaseEventTypes },
  { aggregate: 'PaymentProfile', stream: 'paymentProfile-<profileId>', types: paymentProfileEventTypes },
  { aggregate: 'Invitation', stream: 'invitation-<invitationId>', types: invitationEventTypes },
] as const satisfies ReadonlyArray<{
  readonly aggregate: CatalogueEntry['aggregate'];
  readonly stream: string;
  readonly types: ReadonlyArray<(SupportCaseEvent | PaymentProfileEvent | InvitationEvent)['type']>;
}>;

const codecOf = (type: string): WalkableCodec | undefined => {
  const found: unknown = (domain as Readonly<Record<string, unknown>>)[`${type}Codec`];
  return typeof found === 'object' && found !== null && 'decode' in found
    ? (found as WalkableCodec)
    : undefined;
};

/**
 * The codecs the decoder reports a problem in, per field of the record at `path` (below `data`): the context entry
 * just below that record in each problem.
 */
const problemsByField = (
  codec: WalkableCodec,
  type: string,
  data: unknown,
  path: ReadonlyArray<string>,
): ReadonlyMap<string, string> => {
  const decoded = codec.decode({ type, data });
  const found = new Map<string, string>();
  if (E.isRight(decoded)) return found;
  const keys = ['data', ...path];
  for (const problem of decoded.left) {
    const at = problem.context.findIndex((entry) => entry.key === 'data');
    const below = at < 0 ? [] : problem.context.slice(at, at + keys.length);
    const field = problem.context[at + keys.length];
    if (at < 0 || field === undefined || below.some((entry, i) => entry.key !== keys[i])) continue;
    if (!found.has(field.key)) found.set(field.key, field.type.name);
  }
  return found;
};

const nest = (path: ReadonlyArray<string>, value: unknown): unknown =>
  path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);

// A record codec that names its fields but not their types (`{ name?, address? }`): its fields are listed too.
const namesOnly = /^\{ [\w$?, ]+ \}$/;

// A value no field's codec accepts (short of `unknown`), so that decoding names every field's codec.
const nothingValid = Symbol('catalogue probe');

const fieldsAt = (
  codec: WalkableCodec,
  type: string,
  recordName: string,
  path: ReadonlyArray<string>,
): ReadonlyArray<CatalogueField> => {
  const named = fieldNamesOf(recordName);
  const probe = Object.fromEntries(named.map((field) => [field.name, nothingValid]));
  const types = problemsByField(codec, type, nest(path, probe), path);
  const required =
    path.length === 0
      ? problemsByField(codec, type, {}, path)
      : problemsByField(codec, type, nest(path, {}), path);
  return named.flatMap((field) => {
    const fieldType = types.get(field.name) ?? 'unknown';
    const own = {
      name: [...path, field.name].join('.'),
      type: fieldType,
      optional: !required.has(field.name),
    };
    return namesOnly.test(fieldType)
      ? [own, ...fieldsAt(codec, type, fieldType, [...path, field.name])]
      : [own];
  });
};

const fieldsOf = (codec: WalkableCodec, type: string): ReadonlyArray<CatalogueField> => {
  const data = codec.type?.props?.['data'];
  return data === undefined ? [] : fieldsAt(codec, type, data.name, []);
};

/** Every event type Dossier stores, with its fields and schema version, read from the domain's io-ts codecs. */
export const eventCatalogue = (): ReadonlyArray<CatalogueEntry> =>
  aggregates.flatMap(({ aggregate, stream, types }) =>
    types.map((type) => {
      const codec = codecOf(type);
      return {
        aggregate,
        type,
        stream,
        schemaVersion: dossierEventTypes[type]?.version ?? 1,
        fields: codec === undefined ? [] : fieldsOf(codec, type),
      };
    }),
  );
