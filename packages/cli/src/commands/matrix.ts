import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { Command } from 'commander';
import { dossierSchema } from '@dossier/app';
import type { ProfileId } from '@dossier/domain';
import { permissionMatrix, type ProfileMatrix } from '@dossier/projections';
import type { CliContext } from '../context.js';
import { notFound, type CliFailure } from '../failure.js';
import { toJson } from '../json.js';
import { storeOptionsOf, withJsonOption, withStoreOptions, type ReadOptions } from '../options.js';
import type { Execute } from '../program.js';
import { foldProjection } from '../readModels.js';
import { withStore } from '../storeAccess.js';
import { renderTable } from '../table.js';

const streamPrefix = 'paymentProfile-';

const asText = (ctx: CliContext, matrix: ProfileMatrix): string => {
  const { colours } = ctx;
  const kind = matrix.seller ? 'seller business' : matrix.kind;
  const lines = [
    `${colours.bold(`${matrix.name} (${matrix.profileId})`)}: ${kind} profile, primary contact ${matrix.primaryContact}`,
    renderTable(
      colours,
      ['user', ...matrix.columns, 'e-mail', 'primary'],
      matrix.users.map((user) => [
        user.name === undefined ? user.email : `${user.name} <${user.email}>`,
        ...matrix.columns.map((permission) =>
          user.permissions.includes(permission) ? colours.green('yes') : colours.dim('-'),
        ),
        user.emailOnly ? `${user.emailPreference} (e-mail only)` : user.emailPreference,
        user.primaryContact ? colours.bold('primary') : '',
      ]),
    ),
  ];
  if (matrix.pending.length === 0) lines.push('No pending invitations.');
  else
    lines.push(
      colours.bold('Pending (invited, not yet accepted):'),
      renderTable(
        colours,
        ['invitee', 'permissions', 'e-mail', 'invited by', 'invited at', 'invitation'],
        matrix.pending.map((user) => [
          user.email,
          user.permissions.join(', ') || '(e-mail only)',
          user.emailPreference,
          user.invitedBy,
          user.invitedAt,
          `${user.invitationId}${user.cancellationRequested ? ' (cancellation requested)' : ''}`,
        ]),
      ),
    );
  return `${lines.join('\n')}\n`;
};

const matrix = (ctx: CliContext, profile: string, options: ReadOptions): TE.TaskEither<CliFailure, void> => {
  const profileId = (
    profile.startsWith(streamPrefix) ? profile.slice(streamPrefix.length) : profile
  ) as ProfileId;
  return withStore(storeOptionsOf(options), ctx.env, dossierSchema, (session) =>
    pipe(
      foldProjection(session, permissionMatrix),
      TE.chain((view) => {
        const found = view.profile(profileId);
        if (found === undefined) {
          const known = view.profileIds();
          return TE.left(
            notFound(
              `no payment profile ${JSON.stringify(profileId)} in ${session.description}; ${known.length === 0 ? 'it holds none' : `it holds ${known.join(', ')}`}`,
            ),
          );
        }
        ctx.stdout.write(options.json === true ? `${toJson(found)}\n` : asText(ctx, found));
        return TE.right(undefined);
      }),
    ),
  );
};

/** `dossier matrix <profile>`: RM-2 for one payment profile — users × permissions, pending users, primary contact. */
export const registerMatrix = (program: Command, ctx: CliContext, execute: Execute): void => {
  const command = program
    .command('matrix')
    .description(
      'the user-permission matrix (RM-2) of a payment profile: users × permissions, pending, primary contact, e-mail preference',
    )
    .argument('<profile>', 'the profile id (acme) or its stream (paymentProfile-acme)');
  withJsonOption(withStoreOptions(command)).action((profile: string, options: ReadOptions) =>
    execute(matrix(ctx, profile, options)),
  );
};
