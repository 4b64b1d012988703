// The session of the app: importing this module attaches it to the API client.
export { AuthProvider } from './auth-provider';
export { loginPathFor, safeNextPath } from './next-path';
export { inboxQueryOptions, ME_KEY, profileQueryOptions, STAFF_KEY, type Inbox, type Profile, type Role } from './queries';
export { signIn, signOut, type LoginResponse } from './session';
export { sessionStore, type SessionStatus } from './session-store';
export { useAuth, useSessionStatus, type Auth } from './use-auth';
