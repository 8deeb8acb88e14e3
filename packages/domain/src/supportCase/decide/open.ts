import * as E from 'fp-ts/lib/Either.js';
import { mailDomain } from '../../shared/ids.js';
import type { OpenCase } from '../commands.js';
import {
  caseNotInStatus,
  channelNotOffered,
  consumerAccountRefused,
  followUpOfItself,
  insufficientProjectAccess,
  notAnOrganisationAdministrator,
  notFromRegisteredAddress,
  paidPlanRequired,
  premiumSupportNotInPlan,
  type SupportCaseError,
} from '../errors.js';
import type { CaseOpened, SupportCaseEvent } from '../events.js';
import { firstResponseDue } from '../firstResponseDue.js';
import type { SupportPolicy } from '../policy.js';
import { classifyPriority } from '../priority.js';
import type { SupportCaseState } from '../state.js';
import { hasAccessAtLeast, type Channel, type CustomerFacts, type Plan } from '../values.js';
import { resolution } from './resolution.js';

/** SC-3: `web` and `email` are always official; `phone` and `chat` only where the offering includes them. */
const isOfficialChannel = (channel: Channel, customer: CustomerFacts): boolean =>
  channel === 'web' || channel === 'email' || customer.offeredChannels.includes(channel);

/** SC-2: a paid plan or a paid add-on. */
const paysForSupport = (customer: CustomerFacts): boolean =>
  customer.plan !== 'free' || customer.paidAddOns.length > 0;

/** SC-13: premium support exists for Team and Enterprise plans. */
const hasPremiumSupport = (plan: Plan): boolean => plan === 'team' || plan === 'enterprise';

/** Opens a case, or refuses it; the checks run in the order SC-1, SC-3, SC-2, SC-13, SC-14. */
export const openCase =
  (policy: SupportPolicy) =>
  (
    command: OpenCase,
    state: SupportCaseState,
  ): E.Either<SupportCaseError, ReadonlyArray<SupportCaseEvent>> => {
    if (state.status !== 'unopened') return E.left(caseNotInStatus(state.status, command.type, ['unopened']));
    const { actor, at, data } = command;
    const { customer, requester, topic } = data;
    if (requester.organisationRole !== 'administrator') {
      return E.left(notAnOrganisationAdministrator(requester.organisationRole));
    }
    const domain = mailDomain(actor.email);
    if (policy.consumerMailDomains.some((consumer) => consumer.toLowerCase() === domain)) {
      return E.left(consumerAccountRefused(domain));
    }
    if (!isOfficialChannel(data.channel, customer)) return E.left(channelNotOffered(data.channel));
    if (actor.email !== requester.registeredEmail) {
      return E.left(notFromRegisteredAddress(actor.email, requester.registeredEmail));
    }
    if (topic.category === 'technical') {
      if (!hasAccessAtLeast(topic.project.requesterAccess, 'developer')) {
        return E.left(insufficientProjectAccess(topic.project.requesterAccess, 'developer'));
      }
      if (!paysForSupport(customer)) return E.left(paidPlanRequired(customer.plan));
    }
    if (data.premium && !hasPremiumSupport(customer.plan))
      return E.left(premiumSupportNotInPlan(customer.plan));
    if (data.followUpOf === data.caseId) return E.left(followUpOfItself(data.caseId));

    const priority = classifyPriority(data.impact); // SC-5
    const opened: CaseOpened = {
      type: 'CaseOpened',
      data: {
        caseId: data.caseId,
        customer: customer.id,
        plan: customer.plan,
        channel: data.channel,
        topic,
        subject: data.subject,
        impact: data.impact,
        priority,
        premium: data.premium,
        firstResponseDue: firstResponseDue(at, priority, policy, customer.plan), // SC-7
        ...(data.followUpOf === undefined ? {} : { followUpOf: data.followUpOf }), // SC-14
        contact: requester.registeredEmail,
        by: actor.id,
        at,
      },
    };
    // SC-4: an out-of-scope request is recorded and resolved at once, never dropped.
    if (topic.category === 'technical' && topic.scope.area === 'out-of-scope') {
      return E.right([
        opened,
        ...resolution(requester.registeredEmail, { kind: 'not-supported' }, actor.id, at),
      ]);
    }
    return E.right([opened]);
  };
