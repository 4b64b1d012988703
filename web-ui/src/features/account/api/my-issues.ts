import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { ME_KEY } from '@/lib/auth';
import { urlNumber } from '@/lib/issues/types';

const MY_ISSUES_KEY = [...ME_KEY, 'issues'] as const;

/** The issues one filed while logged in, newest first, in every state. */
export function useMyIssues() {
  return useQuery({
    queryKey: MY_ISSUES_KEY,
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/accounts/me/issues', { signal })).items,
    staleTime: 0,
  });
}

/** Answers the city's question about one's own issue; the list is then read again. */
export function useAnswerByAccount(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (answer: string) => {
      unwrap(
        await apiClient.POST('/api/v1/accounts/me/issues/{number}/answer', {
          params: { path: { number: urlNumber(number) } },
          body: { answer },
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MY_ISSUES_KEY }),
  });
}
