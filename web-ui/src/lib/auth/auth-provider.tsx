import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { ME_KEY, STAFF_KEY } from './queries';
import { restoreSession } from './refresh';
import { sessionStore } from './session-store';

/**
 * Resumes the session of an earlier visit on start, and drops everything cached about the
 * person when the session ends, so the next person at this browser sees none of it.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    void restoreSession();
    let previous = sessionStore.getState().status;
    return sessionStore.subscribe(() => {
      const { status } = sessionStore.getState();
      if (previous === 'authenticated' && status !== 'authenticated') {
        queryClient.removeQueries({ queryKey: ME_KEY });
        queryClient.removeQueries({ queryKey: ['admin'] });
        queryClient.removeQueries({ queryKey: STAFF_KEY });
      }
      previous = status;
    });
  }, [queryClient]);
  return children;
}
