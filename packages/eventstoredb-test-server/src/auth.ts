// Authentication and stream ACLs, when the server is started with `authentication: true` (a secure node; an
// insecure one, the default, checks nothing, as `--insecure` turns both off).
//
// - Credentials: HTTP basic in the call's `authorization` metadata. The default users are `admin` (group `$admins`)
//   and `ops` (group `$ops`), both with the password `changeit`. Wrong credentials, an unknown user or a bearer token
//   fail the call UNAUTHENTICATED (the clients' AccessDeniedError); no credentials is the anonymous user, who may not
//   touch streams (the server's AllowAnonymousStreamAccess defaults to false).
// - ACLs: `$acl` in the stream's metadata (`$r` read, `$w` write, `$d` delete, `$mr`/`$mw` read/write metadata),
//   each a role or list of roles: a user name, a group, or `$all` (every authenticated user). Without one, the
//   defaults: user streams open to every authenticated user, `$`-prefixed streams (and `$all`) to `$admins` only.
//   Members of `$admins` pass every check. A refused operation fails PERMISSION_DENIED, `exception: access-denied`.
import type { Metadata } from '@grpc/grpc-js';
import { metastreamOf, type Store } from './storage.js';

export type Access = '$r' | '$w' | '$d' | '$mr' | '$mw';

interface User {
  readonly name: string;
  readonly groups: readonly string[];
}

export type Principal =
  | { readonly kind: 'user'; readonly user: User }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'unauthenticated' };

const USERS: Readonly<Record<string, { readonly password: string; readonly groups: readonly string[] }>> = {
  admin: { password: 'changeit', groups: ['$admins'] },
  ops: { password: 'changeit', groups: ['$ops'] },
};

const utf8Decoder = new TextDecoder();

/** Who the call's `authorization` metadata says is calling. */
export function principalOf(metadata: Metadata): Principal {
  const header = metadata.get('authorization')[0];
  if (header === undefined) return { kind: 'anonymous' };
  const match = /^Basic\s+(.+)$/i.exec(String(header));
  if (match?.[1] === undefined) return { kind: 'unauthenticated' };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const name = decoded.slice(0, separator);
  const known = USERS[name];
  if (separator < 0 || known === undefined || known.password !== decoded.slice(separator + 1))
    return { kind: 'unauthenticated' };
  return { kind: 'user', user: { name, groups: known.groups } };
}

/** The roles the stream's metadata grants `access` to, or the default for that kind of stream. */
function rolesFor(store: Store, stream: string, access: Access): readonly string[] {
  const meta = store.streamEvents(metastreamOf(stream)).at(-1);
  if (meta !== undefined) {
    try {
      const acl = (JSON.parse(utf8Decoder.decode(meta.data)) as { $acl?: Record<string, unknown> }).$acl;
      const roles = acl?.[access];
      if (typeof roles === 'string') return [roles];
      if (Array.isArray(roles)) return roles.map(String);
    } catch {
      // Unparseable metadata: the defaults apply.
    }
  }
  return stream.startsWith('$') ? ['$admins'] : ['$all'];
}

/** Whether `user` may do `access` on `stream` (the metastream of `s` is checked as `s`'s `$mr`/`$mw`). */
export function allowed(store: Store, user: User, stream: string, access: Access): boolean {
  if (user.groups.includes('$admins')) return true;
  let target = stream;
  let wanted = access;
  if (stream.startsWith('$$') && (access === '$r' || access === '$w')) {
    target = stream.slice(2);
    wanted = access === '$r' ? '$mr' : '$mw';
  }
  const roles = rolesFor(store, target, wanted);
  return roles.some((role) => role === '$all' || role === user.name || user.groups.includes(role));
}
