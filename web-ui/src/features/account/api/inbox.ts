import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { inboxQueryOptions } from '@/lib/auth';

export function useInbox() {
  return useQuery(inboxQueryOptions());
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await apiClient.POST('/api/v1/accounts/me/messages/{id}/read', { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxQueryOptions().queryKey }),
  });
}
