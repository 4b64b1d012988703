import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components, operations } from '@/lib/api/schema';

export type AccountSummary = components['schemas']['AccountSummary'];
export type AccountFilter = NonNullable<operations['list_accounts']['parameters']['query']>;
export type RoleRequest = components['schemas']['RoleRequest'];

/** Everything the administration caches is under this key (dropped at logout). */
const ADMIN_KEY = 'admin';

export const accountsQueryOptions = (filter: AccountFilter) =>
  queryOptions({
    queryKey: [ADMIN_KEY, 'accounts', filter],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/accounts', { params: { query: filter }, signal })),
    // Personal data: always fresh from the server (each read is logged there).
    staleTime: 0,
  });

export function useAccounts(filter: AccountFilter) {
  return useQuery({ ...accountsQueryOptions(filter), placeholderData: keepPreviousData });
}

const accountKey = (id: string) => [ADMIN_KEY, 'account', id] as const;

export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKey(id),
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/accounts/{id}', { params: { path: { id } }, signal })),
    staleTime: 0,
  });
}

/** After a change to an account: its page and the lists it appears in are read again. */
function useAccountChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [ADMIN_KEY] });
}

export function useGrantRole(id: string) {
  const changed = useAccountChanged();
  return useMutation({
    mutationFn: async (body: RoleRequest) =>
      unwrap(await apiClient.POST('/api/v1/accounts/{id}/roles', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

export function useRevokeRole(id: string) {
  const changed = useAccountChanged();
  return useMutation({
    mutationFn: async (grantId: string) => {
      unwrap(
        await apiClient.DELETE('/api/v1/accounts/{id}/roles/{grant_id}', {
          params: { path: { id, grant_id: grantId } },
        }),
      );
    },
    onSuccess: changed,
  });
}

export function useBlock(id: string) {
  const changed = useAccountChanged();
  return useMutation({
    mutationFn: async (reason: string) => {
      unwrap(await apiClient.POST('/api/v1/accounts/{id}/block', { params: { path: { id } }, body: { reason } }));
    },
    onSuccess: changed,
  });
}

export function useUnblock(id: string) {
  const changed = useAccountChanged();
  return useMutation({
    mutationFn: async () => {
      unwrap(await apiClient.POST('/api/v1/accounts/{id}/unblock', { params: { path: { id } } }));
    },
    onSuccess: changed,
  });
}

export function useSendMessage(id: string) {
  return useMutation({
    mutationFn: async (body: components['schemas']['NewMessage']) =>
      unwrap(await apiClient.POST('/api/v1/accounts/{id}/messages', { params: { path: { id } }, body })),
  });
}
