import * as E from 'fp-ts/lib/Either.js';
import {
  defaultSupportPolicy,
  parseTimeZone,
  type InvitationCommand,
  type PaymentProfileCommand,
  type SupportCaseCommand,
  type SupportPolicy,
} from '@dossier/domain';

/** The support desk works Monday to Friday in Jakarta (SC-7); the rest is the domain's default policy. */
export const supportDeskPolicy: SupportPolicy = {
  ...defaultSupportPolicy,
  calendar: {
    ...defaultSupportPolicy.calendar,
    timeZone: E.getOrElse(() => defaultSupportPolicy.calendar.timeZone)(parseTimeZone('Asia/Jakarta')),
  },
};

/** A command for one stream of one of the three aggregates. */
export type DemoCommand =
  | { readonly aggregate: 'supportCase'; readonly stream: string; readonly command: SupportCaseCommand }
  | { readonly aggregate: 'paymentProfile'; readonly stream: string; readonly command: PaymentProfileCommand }
  | { readonly aggregate: 'invitation'; readonly stream: string; readonly command: InvitationCommand };
