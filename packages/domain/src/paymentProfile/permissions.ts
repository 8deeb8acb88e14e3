/** What a profile user may do (PP-3). `admin` is a role: all permissions, present and future. */
export type Permission =
  | 'read'
  | 'edit-profile'
  | 'purchase'
  | 'manage-users'
  | 'admin'
  | 'read-purchase-orders'
  | 'manage-purchase-orders';

/** Every permission, in the canonical order in which events list them. */
export const permissions: ReadonlyArray<Permission> = [
  'read',
  'edit-profile',
  'purchase',
  'manage-users',
  'admin',
  'read-purchase-orders',
  'manage-purchase-orders',
];

/** The permissions that exist on seller profiles only (PP-3). */
export const sellerPermissions: ReadonlyArray<Permission> = [
  'read-purchase-orders',
  'manage-purchase-orders',
];

/** Which payment e-mails a user receives (PP-9). */
export type EmailPreference = 'all' | 'administrative' | 'none';

/** Every e-mail preference, from most to fewest e-mails. */
export const emailPreferences: ReadonlyArray<EmailPreference> = ['all', 'administrative', 'none'];

/** An individual or a business ("organisation") profile (PP-1). */
export type ProfileKind = 'individual' | 'business';

/** What decides which permissions a profile offers: its kind and whether it sells (PP-1, PP-3). */
export interface ProfileType {
  readonly kind: ProfileKind;
  readonly seller: boolean;
}

/** Whether someone with `held` holds `permission`: `admin` holds every permission, present and future (PP-3). */
export const holds = (held: ReadonlyArray<Permission>, permission: Permission): boolean =>
  held.includes('admin') || held.includes(permission);

/** Whether `held` covers every one of `wanted` (PP-5: the granting ceiling and the subset rule). */
export const covers = (held: ReadonlyArray<Permission>, wanted: ReadonlyArray<Permission>): boolean =>
  wanted.every((permission) => holds(held, permission));

/** The permissions of `wanted` that `held` does not cover, in canonical order. */
export const beyond = (
  held: ReadonlyArray<Permission>,
  wanted: ReadonlyArray<Permission>,
): ReadonlyArray<Permission> => normalisePermissions(wanted.filter((permission) => !holds(held, permission)));

/**
 * Whether a profile offers a permission (PP-3): `edit-profile` is not available on business or seller profiles, and the
 * purchase-order permissions exist on seller profiles only.
 */
export const offers = (profile: ProfileType, permission: Permission): boolean => {
  if (permission === 'edit-profile') return profile.kind === 'individual';
  if (sellerPermissions.includes(permission)) return profile.seller;
  return true;
};

/** Whether the holder may manage users at all (PP-5). */
export const managesUsers = (held: ReadonlyArray<Permission>): boolean => holds(held, 'manage-users');

/** Removes duplicates and sorts into the canonical order, so equal sets compare equal. */
export const normalisePermissions = (list: ReadonlyArray<Permission>): ReadonlyArray<Permission> =>
  permissions.filter((permission) => list.includes(permission));

/** Whether two permission lists name the same set. */
export const samePermissions = (a: ReadonlyArray<Permission>, b: ReadonlyArray<Permission>): boolean => {
  const x = normalisePermissions(a);
  const y = normalisePermissions(b);
  return x.length === y.length && x.every((permission, i) => permission === y[i]);
};
