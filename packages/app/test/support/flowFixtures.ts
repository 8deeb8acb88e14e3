import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { EventStore, RecordedEvent } from '@dossier/core';
import { invitationStream, paymentProfileStream, type InvitationId } from '@dossier/domain';
import { dossierDeciders, execute } from '../../src/index.js';
import { ana, createProfile, day, inviteUser, profileId } from '@dossier/projections/testing';

/** The deciders under the default support policy. */
export const deciders = dossierDeciders();
/** The profile every fixture invites to, and its stream. */
export const profile = profileId('acme');
export const profileStream = paymentProfileStream(profile);
/** The invitation of Ana to the profile, and its stream. */
export const anaInvitation = 'inv-ana' as InvitationId;
export const anaInvitationStream = invitationStream(anaInvitation);

/** The value of a TaskEither that must succeed in this test. */
export const right = async <A>(task: TaskEither<unknown, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected a Right, got ${JSON.stringify(result.left, bigints)}`);
  return result.right;
};

/** The error of a TaskEither that must fail in this test. */
export const left = async <L>(task: TaskEither<L, unknown>): Promise<L> => {
  const result = await task();
  if (E.isRight(result)) throw new Error('expected a Left');
  return result.left;
};

const bigints = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;

/** Every event of the store in log order. */
export const readLog = (store: EventStore): Promise<ReadonlyArray<RecordedEvent>> => right(store.readAll());

/** A business profile created by the owner at day(0), and Ana invited with `read` at day(1): the UserInvited event. */
export const inviteAna = async (store: EventStore): Promise<RecordedEvent> => {
  await right(
    execute(store, deciders, 'paymentProfile', profileStream, createProfile({}, { at: day(0) }, 'acme')),
  );
  const invited = await right(
    execute(
      store,
      deciders,
      'paymentProfile',
      profileStream,
      inviteUser(ana, ['read'], anaInvitation, { at: day(1) }),
    ),
  );
  const event = invited.events.find((e) => e.type === 'UserInvited');
  if (event === undefined) throw new Error('no UserInvited recorded');
  return event;
};

/** The value of an Either that must be a Right in this test. */
export const rightOf = <A>(either: E.Either<unknown, A>): A => {
  if (E.isLeft(either)) throw new Error(`expected a Right, got ${JSON.stringify(either.left, bigints)}`);
  return either.right;
};
