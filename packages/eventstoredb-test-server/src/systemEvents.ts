// What a new database already holds before the first user write, so that code reading `$all` from the start meets
// system records as it does against a real server (the client's own readAll test counts more than its own events).
//
// A real node writes, when it first becomes leader: its epoch record (`$epoch-information`), the default users
// (`admin` in `$admins`, `ops` in `$ops`: a `$user` event in `$user-<name>`, a `$UserCreated` in `$users`, and the
// ACL of each user's stream in its `$$` metastream), and, with projections running, the registrations of the
// system projections in `$projections-$all`. Every one is in a `$`-prefixed stream and has a `$`-prefixed type, so
// a reader that skips system events (the clients' `excludeSystemEvents()`, a filter on `^[^$]`) skips them all.
import { ExpectedVersion, type ProposedEvent, type Store } from './storage.js';

/** The system projections a real node registers at start, stopped until enabled. */
export const SYSTEM_PROJECTIONS = [
  '$streams',
  '$stream_by_category',
  '$by_category',
  '$by_event_type',
  '$by_correlation_id',
] as const;

/** The default users: login, full name, group. */
export const DEFAULT_USERS = [
  { loginName: 'admin', fullName: 'KurrentDB Administrator', group: '$admins' },
  { loginName: 'ops', fullName: 'KurrentDB Operations', group: '$ops' },
] as const;

const utf8 = new TextEncoder();

const systemEvent = (type: string, data: unknown): ProposedEvent => ({
  id: crypto.randomUUID(),
  type,
  isJson: true,
  data: utf8.encode(JSON.stringify(data)),
  metadata: new Uint8Array(),
});

/** Writes a new database's system records to `store` (which must be empty). */
export function writeSystemEvents(store: Store): void {
  const write = (stream: string, type: string, data: unknown): void => {
    store.append(stream, ExpectedVersion.Any, [systemEvent(type, data)]);
  };
  write('$epoch-information', '$epoch-information', { epochNumber: 0, epochPosition: 0 });
  for (const user of DEFAULT_USERS) {
    const userStream = `$user-${user.loginName}`;
    write(`$$${userStream}`, '$metadata', { $acl: { $w: '$admins', $d: '$admins', $mw: '$admins' } });
    write(userStream, '$user', {
      loginName: user.loginName,
      fullName: user.fullName,
      groups: [user.group],
      disabled: false,
    });
    write('$users', '$UserCreated', user.loginName);
  }
  write('$projections-$all', '$ProjectionsInitialized', {});
  for (const name of SYSTEM_PROJECTIONS) write('$projections-$all', '$ProjectionCreated', name);
}
