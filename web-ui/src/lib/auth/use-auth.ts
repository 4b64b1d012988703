import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { profileQueryOptions, type Profile, type Role } from './queries';
import { sessionStore, type SessionStatus } from './session-store';

export type Auth = {
  status: SessionStatus;
  /** The logged-in person, once loaded. */
  profile: Profile | undefined;
  /** Loading the profile failed (not for lack of a session, which ends it); ask again with `reloadProfile`. */
  profileFailed: boolean;
  reloadProfile: () => void;
  /** Whether the person holds the staff role (every account is also a resident). */
  hasRole: (role: Role) => boolean;
  isAdmin: boolean;
  /** Moderators and administrators decide which issues become public (R2.1). */
  isModerator: boolean;
  /** Operators, the contact centre, moderators and administrators work on issues in the console. */
  canUseConsole: boolean;
  /** The contact centre, procedure editors, publishers and administrators read the knowledge base's internal side. */
  isKnowledgeStaff: boolean;
  /** Publishers and administrators review and publish procedures. */
  isKnowledgePublisher: boolean;
  /** Whether the person may write the procedures of the unit (its procedure editors and administrators). */
  editsProceduresOf: (unitId: string) => boolean;
  /** The units whose procedures the person edits (`'all'` for administrators). */
  procedureUnits: readonly string[] | 'all';
};

/** The roles that work on issues in the console. */
const CONSOLE_ROLES: readonly Role[] = ['operator', 'contact_centre', 'moderator', 'admin'];

/** The roles that read the knowledge base's internal fields and unpublished procedures. */
const KNOWLEDGE_ROLES: readonly Role[] = ['contact_centre', 'procedure_editor', 'kb_publisher', 'admin'];

export function useSessionStatus(): SessionStatus {
  return useSyncExternalStore(sessionStore.subscribe, () => sessionStore.getState().status);
}

/** The session and the logged-in person's profile and roles. */
export function useAuth(): Auth {
  const status = useSessionStatus();
  const profile = useQuery({ ...profileQueryOptions(), enabled: status === 'authenticated' });
  const data = status === 'authenticated' ? profile.data : undefined;
  const hasRole = (role: Role) => data?.roles.some((grant) => grant.role === role) ?? false;
  const isAdmin = hasRole('admin');
  const procedureUnits = isAdmin
    ? ('all' as const)
    : (data?.roles ?? []).flatMap((grant) => (grant.role === 'procedure_editor' && grant.unit_id ? [grant.unit_id] : []));
  return {
    status,
    profile: data,
    profileFailed: status === 'authenticated' && profile.isError,
    reloadProfile: () => void profile.refetch(),
    hasRole,
    isAdmin,
    isModerator: hasRole('moderator') || isAdmin,
    canUseConsole: CONSOLE_ROLES.some(hasRole),
    isKnowledgeStaff: KNOWLEDGE_ROLES.some(hasRole),
    isKnowledgePublisher: hasRole('kb_publisher') || isAdmin,
    editsProceduresOf: (unitId) => procedureUnits === 'all' || procedureUnits.includes(unitId),
    procedureUnits,
  };
}
