import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { ME_KEY } from '@/lib/auth';

/** The issues one filed while logged in, newest first, in every state. */
export function useMyIssues() {
  return useQuery({
    queryKey: [...ME_KEY, 'issues'],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/accounts/me/issues', { signal })).items,
    staleTime: 0,
  });
}
