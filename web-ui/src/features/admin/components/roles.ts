import type { components } from '@/lib/api/schema';

export type Role = components['schemas']['Role'];

/** Every staff role, in the order the administration lists them. */
export const ROLES = [
  'operator',
  'moderator',
  'contact_centre',
  'procedure_editor',
  'kb_publisher',
  'admin',
] as const satisfies readonly Role[];

// Fails to compile when the API gains a role that the list above lacks.
type Missing = Exclude<Role, (typeof ROLES)[number]>;
export const ROLES_ARE_COMPLETE: Missing extends never ? true : never = true;

/** Roles that act for one unit, so granting them names the unit. */
export function isUnitScoped(role: Role): boolean {
  return role === 'operator' || role === 'procedure_editor';
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
