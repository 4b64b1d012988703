import type { AppKey, Scope } from '../api/apps';

/** Each scope's label (scopes contain dots, which i18next would read as nesting in a key). */
export const SCOPE_LABELS = {
  'issues.create': 'admin.apps.scopes.issuesCreate',
  'updates.create': 'admin.apps.scopes.updatesCreate',
} as const satisfies Record<Scope, string>;

export const SCOPES = Object.keys(SCOPE_LABELS) as Scope[];

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPE_LABELS, value);
}

export function activeKeys(keys: readonly AppKey[]): AppKey[] {
  return keys.filter((key) => !key.revoked_at);
}

/** How a key is told apart in lists: its public part, as the key itself begins. */
export function keyName(key: AppKey): string {
  return `kk_${key.prefix}_…`;
}
