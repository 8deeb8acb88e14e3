import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { aCaseFromStartToEnd } from '../src/caseLifecycle.js';
import { inviteAndAccept } from '../src/invitationFlow.js';
import { openACase, openCaseRequest } from '../src/openACase.js';
import { citraInvites, latticeFacts } from '../src/permissions.js';
import { friday } from '../src/people.js';
import { handleAndVerify } from '../src/stores/handleAndVerify.js';
import { upcastOnRead } from '../src/stores/upcastOnRead.js';
import { dueTimes, jakartaConfig, jakartaPolicy, supportCaseUnder } from '../src/supportPolicy.js';

describe('the domain tour', () => {
  it('opens a case from JSON, refuses a consumer address and rejects an instant without an offset', () => {
    expect(openACase(openCaseRequest)).toBe('CaseOpened');
    const fromGmail = { ...(openCaseRequest as object), actor: { id: 'u-bob', email: 'bob@gmail.com' } };
    expect(openACase(fromGmail)).toBe('refused: ConsumerAccountRefused');
    expect(openACase({ ...(openCaseRequest as object), at: '2026-03-06 16:30' })).toBe(
      'rejected: at: expected an ISO-8601 instant with an offset',
    );
  });

  it('walks a case through every status and refuses work on a closed case', () => {
    expect(aCaseFromStartToEnd()).toEqual([
      'OpenCase: CaseOpened → open',
      'StartWork: WorkStarted → in-progress',
      'RequestInformation: InformationRequested → awaiting-customer',
      'ProvideInformation: InformationProvided → in-progress',
      'Resolve: CaseResolved + SurveySent → resolved',
      'RecordSurveyResponse: SurveyResponseRecorded → closed',
      'StartWork: refused, {"_tag":"CaseNotInStatus","status":"closed","command":"StartWork","allowed":["open"]}',
    ]);
  });

  it('counts first-response times in the Jakarta calendar and the Enterprise SLA', () => {
    if (E.isLeft(jakartaPolicy)) expect.fail('the Jakarta policy does not decode');
    // Friday 16:00 in Jakarta (UTC+7) is 09:00 UTC.
    expect(dueTimes(jakartaPolicy.right, friday())).toEqual({
      pro: '2026-03-09T09:00:00.000Z', // Monday 16:00 in Jakarta: one business day later
      enterpriseP1: '2026-03-06T10:00:00.000Z',
      enterpriseP3: '2026-03-06T17:00:00.000Z', // midnight in Jakarta: the 8 hours left of Friday
    });
  });

  it('names the wrong path of a policy that does not decode', () => {
    const config = jakartaConfig as { readonly calendar: object };
    const wrong = { ...config, calendar: { ...config.calendar, timeZone: 'Asia/Jakart' } };
    const decided = supportCaseUnder(wrong);
    expect(E.isLeft(decided) && decided.left.problems.map((p) => p.path)).toEqual(['calendar.timeZone']);
    expect(E.isRight(supportCaseUnder(jakartaConfig))).toBe(true);
  });

  it('carries an invitation across both aggregates, and a second acceptance changes nothing', () => {
    const world = inviteAndAccept();
    expect(world.log).toEqual([
      'CreateProfile → ProfileCreated',
      'InviteUser → UserInvited',
      'IssueInvitation → InvitationIssued',
      'AcceptInvitation → InvitationAccepted',
      'ActivateInvitedUser → InvitedUserActivated',
      'AcceptInvitation → nothing new',
    ]);
    const users = world.profile.status === 'created' ? world.profile.users : [];
    expect(users.map((u) => [u.email, u.permissions])).toEqual([
      ['ana@acme.example', ['admin']],
      ['citra@acme.example', ['read', 'manage-users']],
    ]);
  });

  it('answers the lattice questions and keeps Citra under her ceiling', () => {
    expect(latticeFacts).toEqual({
      adminHoldsEverything: true,
      managerCoversRead: true,
      managerCoversPurchase: false,
      businessOffersEditProfile: false,
      sellerOffersPurchaseOrders: true,
    });
    expect(citraInvites()).toEqual([
      'InviteUser → UserInvited',
      'IssueInvitation → InvitationIssued',
      'InviteUser → refused: GrantExceedsCeiling',
    ]);
  });

  it('handles a command once, recognises its repeat, and finds an edit in the hash chain', async () => {
    const { firstEvents, repeated, intact, edited } = await handleAndVerify();
    expect(firstEvents).toEqual(['InvitationIssued']);
    expect(repeated).toBe(true);
    expect(intact).toMatchObject({ ok: true, events: 1 });
    expect(edited).toMatchObject({ ok: false, revision: 0n, problem: 'edited' });
  });

  it('upcasts a version-1 event on read from a SQLite file', async () => {
    const read = await upcastOnRead();
    expect(read).toEqual(
      E.right([
        {
          schemaVersion: 1, // the metadata keeps the version it was written in; the data is upcast
          data: {
            invitationId: 'inv-7',
            profileId: 'acme',
            email: 'citra@acme.example',
            permissions: ['read'],
            emailPreference: 'all',
            issuedBy: 'u-ana',
            sentAt: '2026-03-06T10:00:00.000Z',
          },
        },
      ]),
    );
  });
});
