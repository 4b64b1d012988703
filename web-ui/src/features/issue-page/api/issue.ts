import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { PUBLIC_ISSUES_KEY } from '@/lib/issues/queries';

/** A public issue with its timeline, by its number as it appears in addresses (`2026-000123`). */
export function useIssue(number: string) {
  return useQuery({
    queryKey: [...PUBLIC_ISSUES_KEY, 'detail', number],
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/issues/{number}', { params: { path: { number } }, signal })),
  });
}

/** Kept out of the public cache: the tracking view holds the moderation state and more. */
const trackingKey = (token: string) => ['tracking', token] as const;

/** The reporter's view of an issue, through the secret tracking link. */
export function useTrackedIssue(token: string) {
  return useQuery({
    queryKey: trackingKey(token),
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/tracking/{token}', { params: { path: { token } }, signal })),
    staleTime: 0,
  });
}

/** Withdraws the consent given with the issue: the contact data is removed at once (R6.1). */
export function useWithdrawConsent(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await apiClient.DELETE('/api/v1/tracking/{token}/contact', { params: { path: { token } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trackingKey(token) }),
  });
}

/** Answers the city's question through the tracking link; the issue is then read again. */
export function useAnswerByTracking(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (answer: string) => {
      unwrap(await apiClient.POST('/api/v1/tracking/{token}/answer', { params: { path: { token } }, body: { answer } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trackingKey(token) }),
  });
}
