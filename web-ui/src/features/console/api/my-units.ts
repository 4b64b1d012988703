import { useAuth } from '@/lib/auth';
import { useUnits } from '@/lib/issues/queries';
import type { Unit } from './queue';

/**
 * The units whose issues the person works on: an operator's own units; every unit for the
 * contact centre, moderators and administrators (as the server scopes the queue).
 */
export function useMyUnits(): Unit[] {
  const { profile, hasRole, isModerator } = useAuth();
  const units = useUnits();
  const everywhere = isModerator || hasRole('contact_centre');
  const own = new Set(profile?.roles.filter((grant) => grant.role === 'operator').map((grant) => grant.unit_id));
  return (units.data ?? []).filter((unit) => everywhere || own.has(unit.id));
}
