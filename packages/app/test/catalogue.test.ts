import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dossierEventTypes, eventCatalogue, eventCatalogueMarkdown } from '../src/index.js';
import { fieldNamesOf } from '../src/catalogue/fieldNames.js';

const eventsMd = fileURLToPath(new URL('../../../docs/events.md', import.meta.url));

describe('the event catalogue', () => {
  it('docs/events.md is what the codecs give (regenerate: node packages/app/dist/src/catalogue/write.js)', () => {
    expect(readFileSync(eventsMd, 'utf8')).toBe(eventCatalogueMarkdown());
  });

  it('lists every event type the stores know, once, each with its fields typed', () => {
    const catalogue = eventCatalogue();
    expect(catalogue.map((entry) => entry.type).sort()).toEqual(Object.keys(dossierEventTypes).sort());
    for (const entry of catalogue) {
      expect(entry.fields.length, entry.type).toBeGreaterThan(0);
      expect(
        entry.fields.filter((field) => field.type === 'unknown'),
        entry.type,
      ).toEqual([]);
      expect(entry.schemaVersion).toBe(dossierEventTypes[entry.type]?.version ?? 1);
    }
  });

  it('reads required and optional fields and their codecs from each kind of record codec', () => {
    const byType = new Map(eventCatalogue().map((entry) => [entry.type, entry.fields]));
    expect(byType.get('UserInvited')).toContainEqual({
      name: 'invitationId',
      type: 'InvitationId',
      optional: false,
    });
    expect(byType.get('UserInvited')).toContainEqual({ name: 'name', type: 'string', optional: true });
    expect(byType.get('CaseOpened')).toContainEqual({ name: 'followUpOf', type: 'CaseId', optional: true });
    expect(byType.get('CaseEscalated')).toEqual([
      { name: 'team', type: 'TeamId', optional: false },
      { name: 'by', type: 'UserId', optional: false },
      { name: 'at', type: 'Instant', optional: false },
    ]);
    expect(byType.get('ProfileDetailsChanged')).toContainEqual({
      name: 'changes.paymentMethods',
      type: 'ReadonlyArray<string>',
      optional: true,
    });
  });
});

describe('fieldNamesOf', () => {
  it('takes the first object level only, with `?` and Partial<…> as optional, skipping string literals', () => {
    expect(fieldNamesOf('Exact<({ a: { b: X }, c: "{ d: e }" } & Partial<{ f: Y }>)>')).toEqual([
      { name: 'a', optional: false },
      { name: 'c', optional: false },
      { name: 'f', optional: true },
    ]);
    expect(fieldNamesOf('{ g, h? }')).toEqual([
      { name: 'g', optional: false },
      { name: 'h', optional: true },
    ]);
    expect(fieldNamesOf('{| i: ({| j: K |} | L) |}')).toEqual([{ name: 'i', optional: false }]);
  });
});
