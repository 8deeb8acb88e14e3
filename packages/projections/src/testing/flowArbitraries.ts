import type { Instant, InvitationCommand, PaymentProfileCommand, Permission } from '@dossier/domain';
import fc from 'fast-check';
import { accept, decline, invitationId } from './invitation.js';
import { invitationFor, invitees, userCommandArb } from './paymentProfileArbitraries.js';
import { createProfile, inviteUser } from './paymentProfile.js';
import { day } from './supportCase.js';

/** One thing that happens in the invitation world, at its instant. */
export type WorldStep =
  | { readonly kind: 'profile'; readonly at: Instant; readonly command: PaymentProfileCommand }
  | {
      readonly kind: 'invitation';
      readonly at: Instant;
      readonly invitationId: string;
      readonly command: InvitationCommand;
    }
  /** The runtime delivers the invitation flow's waiting commands. */
  | { readonly kind: 'deliver'; readonly at: Instant }
  /** The scheduler expires what the pending-invitations view says is due. */
  | { readonly kind: 'schedule'; readonly at: Instant };

export const flowProfile = 'profile-1';

type Make = (at: Instant) => WorldStep;

const inviteeAnswerArb: fc.Arbitrary<Make> = fc
  .tuple(
    invitees,
    fc.constantFrom(1, 1, 1, 2),
    invitees,
    fc.nat(7),
    fc.constantFrom(true, true, false),
    fc.nat(3),
  )
  .map(([who, n, other, dice, account, answer]) => (at) => {
    const id = invitationFor(flowProfile, who, n);
    const actor = dice === 0 ? other : who; // now and then someone else tries (IN-4)
    const command = answer === 0 ? decline(actor, at) : accept(actor, at, account);
    return { kind: 'invitation', at, invitationId: id, command };
  });

/** The owner invites someone (mostly under their first invitation id) and the flow issues it at once. */
const invitedArb: fc.Arbitrary<ReadonlyArray<Make>> = fc
  .tuple(invitees, fc.constantFrom(1, 1, 1, 2), fc.subarray<Permission>(['read', 'purchase']))
  .map(([who, n, permissions]) => [
    (at) => ({
      kind: 'profile',
      at,
      command: inviteUser(who, permissions, invitationFor(flowProfile, who, n), { at }),
    }),
    (at) => ({ kind: 'deliver', at }),
  ]);

const one = (arb: fc.Arbitrary<Make>): fc.Arbitrary<ReadonlyArray<Make>> => arb.map((make) => [make]);

const stepArb: fc.Arbitrary<ReadonlyArray<Make>> = fc.oneof(
  { arbitrary: invitedArb, weight: 3 },
  {
    arbitrary: one(
      userCommandArb(flowProfile).map((make): Make => (at) => ({ kind: 'profile', at, command: make(at) })),
    ),
    weight: 5,
  },
  { arbitrary: one(inviteeAnswerArb), weight: 4 },
  { arbitrary: one(fc.constant((at: Instant): WorldStep => ({ kind: 'deliver', at }))), weight: 3 },
  { arbitrary: one(fc.constant((at: Instant): WorldStep => ({ kind: 'schedule', at }))), weight: 2 },
);

/**
 * A business profile (seller or not) created at day(0), then invitations by the owner (issued by the flow at once),
 * users' commands, invitees' answers, deliveries of the flow
 * and scheduler runs, from 0 to 2 days apart, so that 14-day windows pass now and then; a final delivery at the end.
 */
export const worldStepsArb: fc.Arbitrary<ReadonlyArray<WorldStep>> = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(stepArb, fc.integer({ min: 0, max: 48 })), {
      minLength: 10,
      maxLength: 40,
      size: 'max',
    }),
  )
  .map(([seller, steps]) => {
    let hours = 0;
    const timed = steps.flatMap(([makes, gap]) => {
      hours += gap;
      return makes.map((make) => make(day(0, hours)));
    });
    return [
      { kind: 'profile', at: day(0), command: createProfile({ seller }, { at: day(0) }, flowProfile) },
      ...timed,
      { kind: 'deliver', at: day(0, hours) },
    ];
  });

export { invitationId };
