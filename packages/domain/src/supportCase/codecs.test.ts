import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { DecodeFailed } from '../shared/decoding.js';
import {
  caseEscalated,
  caseId,
  caseOpened,
  caseReprioritised,
  caseResolved,
  incidentId,
  incidentLinked,
  informationProvided,
  informationRequested,
  openCase,
  outageRemedyRequested,
  recordSurveyResponse,
  resolve,
  surveyResponseRecorded,
  surveySent,
  technical,
  workStarted,
} from '../testing/supportCaseBuilders.js';
import { day } from '../testing/time.js';
import {
  decodeSupportCaseCommand,
  SupportCaseCommandCodec,
  supportCaseCommandTypes,
} from './commandCodecs.js';
import { decodeSupportCaseEvent, SupportCaseEventCodec, supportCaseEventTypes } from './codecs.js';
import type { SupportCaseEvent } from './events.js';

const oneOfEach: ReadonlyArray<SupportCaseEvent> = [
  caseOpened({ followUpOf: caseId('case-0') }),
  workStarted(),
  { ...informationRequested(), data: { ...informationRequested().data, note: 'please attach the full log' } },
  informationProvided(),
  caseEscalated(),
  caseReprioritised({ from: 'P3', to: 'P2', reason: 'two users now', firstResponseDue: day(1) }),
  incidentLinked(),
  outageRemedyRequested(['service-credit', 'incident-report']),
  caseResolved({ kind: 'outage-resolved', incidentId: incidentId(), remedies: ['incident-report'] }),
  surveySent(),
  surveyResponseRecorded(3, 'fine'),
];

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const problemsOf = (result: E.Either<DecodeFailed, unknown>): DecodeFailed['problems'] => {
  if (E.isRight(result)) throw new Error(`expected a decoding failure, got ${JSON.stringify(result.right)}`);
  return result.left.problems;
};

const openCaseJson = (): Record<string, unknown> => asJson(openCase()) as Record<string, unknown>;
const withData = (json: Record<string, unknown>, data: Record<string, unknown>) => ({
  ...json,
  data: { ...(json['data'] as Record<string, unknown>), ...data },
});

describe('SupportCase', () => {
  describe('event codecs', () => {
    it('every event type has an example here, and each survives encode then decode through JSON', () => {
      expect(new Set(oneOfEach.map((e) => e.type))).toEqual(new Set(supportCaseEventTypes));
      for (const event of oneOfEach) {
        expect(SupportCaseEventCodec.decode(asJson(SupportCaseEventCodec.encode(event)))).toEqual(
          E.right(event),
        );
        expect(decodeSupportCaseEvent(asJson(event))).toEqual(E.right(event));
      }
    });

    it('a stored event of an unknown type is a DecodeFailed naming `type`, not a throw', () => {
      const problems = problemsOf(decodeSupportCaseEvent({ type: 'CaseReopened', data: {} }));
      expect(problems).toEqual([
        {
          path: 'type',
          reason: `expected ${supportCaseEventTypes.map((t) => `"${t}"`).join(' | ')}, got "CaseReopened"`,
        },
      ]);
    });
  });

  describe('decoding commands at the boundary', () => {
    it('decodes a well-formed command sent as JSON', () => {
      expect(decodeSupportCaseCommand(openCaseJson())).toEqual(E.right(openCase()));
      expect(decodeSupportCaseCommand(asJson(resolve()))).toEqual(E.right(resolve()));
      expect(SupportCaseCommandCodec.decode(openCaseJson())).toEqual(E.right(openCase()));
    });

    it('a missing field yields its path', () => {
      const { channel: _channel, ...withoutChannel } = openCaseJson()['data'] as Record<string, unknown>;
      const problems = problemsOf(decodeSupportCaseCommand({ ...openCaseJson(), data: withoutChannel }));
      expect(problems).toEqual([{ path: 'data.channel', reason: 'expected Channel, got nothing' }]);
    });

    it('SC-3 an unknown channel is refused at the boundary, naming the path and the value', () => {
      const problems = problemsOf(decodeSupportCaseCommand(withData(openCaseJson(), { channel: 'fax' })));
      expect(problems).toEqual([{ path: 'data.channel', reason: 'expected Channel, got "fax"' }]);
    });

    it('a wrong literal in a nested union names the nested path and the values it could be', () => {
      const problems = problemsOf(
        decodeSupportCaseCommand(withData(openCaseJson(), { topic: { category: 'sales' } })),
      );
      expect(problems).toEqual([
        {
          path: 'data.topic.category',
          reason: 'expected "billing" | "account-management" | "technical", got "sales"',
        },
      ]);
    });

    it('SC-4 a troubleshooting subject outside the scope list is refused at the boundary, at its path', () => {
      const topic = { ...technical(), scope: { area: 'troubleshooting', subject: 'rewrite-my-app' } };
      const problems = problemsOf(decodeSupportCaseCommand(withData(openCaseJson(), { topic })));
      expect(problems).toEqual([
        {
          path: 'data.topic.scope.subject',
          reason:
            'expected "known-issue-workaround" | "how-to" | "unexpected-behaviour", got "rewrite-my-app"',
        },
      ]);
    });

    it('SC-4 unexpected behaviour must name the supported feature', () => {
      const topic = { ...technical(), scope: { area: 'troubleshooting', subject: 'unexpected-behaviour' } };
      expect(problemsOf(decodeSupportCaseCommand(withData(openCaseJson(), { topic })))).toEqual([
        {
          path: 'data.topic.scope.feature',
          reason: 'expected "live-updates" | "app-management" | "analytics", got nothing',
        },
      ]);
    });

    it('SC-10 an outcome missing its required detail names the field', () => {
      const input = withData(asJson(resolve()) as Record<string, unknown>, {
        outcome: { kind: 'cannot-reproduce' },
      });
      expect(problemsOf(decodeSupportCaseCommand(input))).toEqual([
        { path: 'data.outcome.recommendations', reason: 'expected string, got nothing' },
      ]);
    });

    it('a bad instant yields the path `at` and why', () => {
      const problems = problemsOf(decodeSupportCaseCommand({ ...openCaseJson(), at: '2026-01-05 09:00' }));
      expect(problems).toEqual([{ path: 'at', reason: 'expected an ISO-8601 instant with an offset' }]);
    });

    it('an instant with an offset is normalised to UTC', () => {
      const decoded = decodeSupportCaseCommand({ ...openCaseJson(), at: '2026-01-05T16:00:00+07:00' });
      expect(E.map((c: { readonly at: string }) => c.at)(decoded)).toEqual(E.right(day(0)));
    });

    it('an unknown type yields a problem at `type` listing the known types', () => {
      const problems = problemsOf(decodeSupportCaseCommand({ ...openCaseJson(), type: 'ReopenCase' }));
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toBe('type');
      for (const known of supportCaseCommandTypes) expect(problems[0]?.reason).toContain(known);
      expect(problems[0]?.reason).toContain('got "ReopenCase"');
    });

    it('a missing type yields a problem at `type`; input that is not an object, one at the root; never a throw', () => {
      for (const input of [{ data: {} }, { type: 'toString' }, { type: 42 }]) {
        expect(problemsOf(decodeSupportCaseCommand(input)).map((p) => p.path)).toEqual(['type']);
      }
      for (const input of [null, undefined, 42, 'OpenCase', []]) {
        expect(problemsOf(decodeSupportCaseCommand(input))).toEqual([
          {
            path: '(root)',
            reason: `expected an object with "type", got ${JSON.stringify(input) ?? 'nothing'}`,
          },
        ]);
      }
    });

    it('SC-12 a rating outside 1–5 or not an integer is refused at the boundary', () => {
      for (const rating of [0, 6, 2.5, '5']) {
        const input = withData(asJson(recordSurveyResponse()) as Record<string, unknown>, { rating });
        expect(problemsOf(decodeSupportCaseCommand(input))).toEqual([
          {
            path: 'data.rating',
            reason: `expected an integer rating from 1 to 5, got ${JSON.stringify(rating)}`,
          },
        ]);
      }
    });

    it('SC-11 an agent cannot choose outage-resolved: it comes only from the end of a linked incident', () => {
      const input = withData(asJson(resolve()) as Record<string, unknown>, {
        outcome: { kind: 'outage-resolved', incidentId: 'inc-1', remedies: [] },
      });
      expect(problemsOf(decodeSupportCaseCommand(input))).toEqual([
        {
          path: 'data.outcome.kind',
          reason:
            'expected "resolved" | "feature-not-available" | "cannot-reproduce" | "referred-to-third-party" | ' +
            '"not-supported", got "outage-resolved"',
        },
      ]);
    });

    it('SC-5 impact facts need at least one affected user, counted in whole users', () => {
      for (const usersAffected of [0, 1.5, -1]) {
        const input = withData(openCaseJson(), { impact: { ...openCase().data.impact, usersAffected } });
        expect(problemsOf(decodeSupportCaseCommand(input)).map((p) => p.path)).toEqual([
          'data.impact.usersAffected',
        ]);
      }
    });

    it('collects every problem of a command, not only the first', () => {
      const input = { ...withData(openCaseJson(), { premium: 'yes', caseId: '' }), at: 'yesterday' };
      expect(
        problemsOf(decodeSupportCaseCommand(input))
          .map((p) => p.path)
          .sort(),
      ).toEqual(['at', 'data.caseId', 'data.premium']);
    });
  });
});
