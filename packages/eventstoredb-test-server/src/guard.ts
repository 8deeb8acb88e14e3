// The check every stream operation makes first when authentication is on: who is calling (auth.ts) and whether the
// stream's ACL lets them. Undefined means go ahead; otherwise the error to fail the call with.
import type { Metadata } from '@grpc/grpc-js';
import { allowed, principalOf, type Access } from './auth.js';
import type { ServerContext } from './context.js';
import { accessDeniedError, notAuthenticatedError, type CallError } from './errors.js';

export function refusal(
  context: ServerContext,
  metadata: Metadata,
  stream: string,
  access: Access,
): CallError | undefined {
  if (!context.authentication) return undefined;
  const principal = principalOf(metadata);
  if (principal.kind === 'unauthenticated') return notAuthenticatedError();
  if (principal.kind === 'anonymous') return accessDeniedError();
  return allowed(context.store, principal.user, stream, access) ? undefined : accessDeniedError();
}
