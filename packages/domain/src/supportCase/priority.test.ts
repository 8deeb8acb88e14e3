import { describe, expect, it } from 'vitest';
import { day } from '../testing/time.js';
import type { CaseId } from './ids.js';
import { classifyPriority, compareCaseOrder, type CaseOrderKey, type ImpactFacts } from './priority.js';

// A product that does not work as expected, for one user, with nothing else known: each test changes what it needs.
const facts = (overrides: Partial<ImpactFacts> = {}): ImpactFacts => ({
  usersAffected: 1,
  serviceUnavailable: false,
  widespreadMailDelay: false,
  breaksCollaboration: false,
  workaroundExists: false,
  functionNeeded: true,
  ...overrides,
});

describe('SupportCase', () => {
  describe('priority (SC-5)', () => {
    describe('P1', () => {
      it('SC-5 P1: the service is unavailable for more than one user and there is no workaround', () => {
        expect(classifyPriority(facts({ serviceUnavailable: true, usersAffected: 2 }))).toBe('P1');
        expect(classifyPriority(facts({ serviceUnavailable: true, usersAffected: 500 }))).toBe('P1');
      });

      it('SC-5 P1: widespread mail-delivery delay, whatever else is stated', () => {
        expect(classifyPriority(facts({ widespreadMailDelay: true }))).toBe('P1');
        expect(
          classifyPriority(
            facts({ widespreadMailDelay: true, workaroundExists: true, functionNeeded: false }),
          ),
        ).toBe('P1');
      });
    });

    describe('P2', () => {
      it('SC-5 P2 boundary: the same outage for exactly one user is P2, not P1', () => {
        expect(classifyPriority(facts({ serviceUnavailable: true, usersAffected: 1 }))).toBe('P2');
      });

      it('SC-5 P2: a problem that breaks collaboration between users, with no workaround', () => {
        expect(classifyPriority(facts({ breaksCollaboration: true, usersAffected: 10 }))).toBe('P2');
      });

      it('SC-5 P2: a needed function does not work as expected and there is no valid workaround', () => {
        expect(classifyPriority(facts())).toBe('P2');
      });
    });

    describe('P3', () => {
      it('SC-5 P3: the product does not work as expected but a workaround exists', () => {
        expect(classifyPriority(facts({ workaroundExists: true }))).toBe('P3');
      });

      it('SC-5 P3 boundary: a workaround brings even a multi-user outage down to P3', () => {
        expect(
          classifyPriority(facts({ serviceUnavailable: true, usersAffected: 40, workaroundExists: true })),
        ).toBe('P3');
        expect(classifyPriority(facts({ breaksCollaboration: true, workaroundExists: true }))).toBe('P3');
      });
    });

    describe('P4', () => {
      it('SC-5 P4: neither the function nor a workaround is needed', () => {
        expect(classifyPriority(facts({ functionNeeded: false }))).toBe('P4');
        expect(
          classifyPriority(facts({ functionNeeded: false, workaroundExists: true, usersAffected: 3 })),
        ).toBe('P4');
      });

      it('SC-5 P4 boundary: a lost service or broken collaboration is always needed, so never P4', () => {
        expect(classifyPriority(facts({ functionNeeded: false, serviceUnavailable: true }))).toBe('P2');
        expect(classifyPriority(facts({ functionNeeded: false, breaksCollaboration: true }))).toBe('P2');
      });
    });
  });

  describe('queue order (SC-6)', () => {
    const key = (caseId: string, priority: CaseOrderKey['priority'], submittedAt = day(0)): CaseOrderKey => ({
      caseId: caseId as CaseId,
      priority,
      submittedAt,
    });

    it('SC-6 cases are worked P1 first, then the oldest submission first, then by case id', () => {
      const queue = [
        key('c-7', 'P3', day(0)),
        key('c-2', 'P1', day(2)),
        key('c-5', 'P2', day(0)),
        key('c-1', 'P1', day(1)),
        key('c-4', 'P3', day(0)),
        key('c-3', 'P4', day(-5)),
      ];
      expect([...queue].sort(compareCaseOrder).map((k) => k.caseId)).toEqual([
        'c-1',
        'c-2',
        'c-5',
        'c-4',
        'c-7',
        'c-3',
      ]);
    });

    it('SC-6 a newer P1 comes before an older P2, and an older case before a newer one of the same priority', () => {
      expect(compareCaseOrder(key('new', 'P1', day(3)), key('old', 'P2', day(0)))).toBeLessThan(0);
      expect(compareCaseOrder(key('b', 'P2', day(0)), key('a', 'P2', day(0, 1)))).toBeLessThan(0);
      expect(compareCaseOrder(key('a', 'P2', day(0)), key('a', 'P2', day(0)))).toBe(0);
    });
  });
});
