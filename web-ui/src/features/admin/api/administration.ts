import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components, operations } from '@/lib/api/schema';

export type Invitation = components['schemas']['Invitation'];
export type NewTerms = components['schemas']['NewTerms'];
export type AccessLogFilter = NonNullable<operations['list_personal_data_access']['parameters']['query']>;

export function useUnits() {
  return useQuery({
    queryKey: ['admin', 'units'],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/units', { signal })).items,
  });
}

export function useInvite() {
  return useMutation({
    mutationFn: async (body: Invitation) => unwrap(await apiClient.POST('/api/v1/accounts/invitations', { body })),
  });
}

const termsKey = ['admin', 'terms'] as const;

export function useTermsVersions() {
  return useQuery({
    queryKey: termsKey,
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/terms', { signal })).items,
  });
}

export function usePublishTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewTerms) => {
      unwrap(await apiClient.POST('/api/v1/terms', { body }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: termsKey }),
  });
}

export function useAnnounce() {
  return useMutation({
    mutationFn: async (body: components['schemas']['NewMessage']) =>
      unwrap(await apiClient.POST('/api/v1/announcements', { body })),
  });
}

export function useAccessLog(filter: AccessLogFilter) {
  return useQuery({
    queryKey: ['admin', 'access-log', filter],
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/personal-data-access', { params: { query: filter }, signal })),
    staleTime: 0,
  });
}
