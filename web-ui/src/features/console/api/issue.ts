import { useMutation, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { ApiError, unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';
import { PUBLIC_ISSUES_KEY } from '@/lib/issues/queries';
import { STAFF_ISSUES_KEY, staffIssueKey, useStaffIssueChanged } from '@/lib/issues/staff';
import type { Location } from '@/lib/issues/types';
import { urlNumber } from '@/lib/issues/types';

export type StatusChange = components['schemas']['StatusChange'];
export type CloseReason = components['schemas']['CloseReason'];
export type TemplateStatus = components['schemas']['TemplateStatus'];
export type FilledTemplate = components['schemas']['FilledTemplate'];
export type NewResponse = components['schemas']['NewResponse'];
export type Transfer = components['schemas']['Transfer'];
export type CategoryChange = components['schemas']['CategoryChange'];
export type Merge = components['schemas']['Merge'];
export type HistoryEntry = components['schemas']['HistoryEntry'];
export type InformationRequest = components['schemas']['InformationRequest'];

const path = (number: string) => ({ path: { number: urlNumber(number) } });

/** An issue as staff see it: everything public, plus the original texts, history and requests. */
export function useStaffIssue(number: string) {
  return useQuery({
    queryKey: staffIssueKey(number),
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/staff/issues/{number}', { params: path(number), signal })),
    // Colleagues, the reporter and the moderators change it too.
    staleTime: 0,
  });
}

/** The response templates for a status (or for all), filled in for the issue. */
export function useTemplates(number: string, status: TemplateStatus | undefined) {
  return useQuery({
    queryKey: [...STAFF_ISSUES_KEY, 'templates', urlNumber(number), status ?? 'all'],
    queryFn: async ({ signal }) =>
      unwrap(
        await apiClient.GET('/api/v1/staff/issues/{number}/response-templates', {
          params: { ...path(number), query: { status } },
          signal,
        }),
      ),
  });
}

export function useChangeStatus(number: string) {
  const changed = useStaffIssueChanged();
  return useMutation({
    mutationFn: async (body: StatusChange) =>
      unwrap(await apiClient.POST('/api/v1/staff/issues/{number}/status', { params: path(number), body })),
    onSuccess: changed,
    // A refused move usually means the issue changed meanwhile: its allowed statuses are read again.
    onError: (error) => (error instanceof ApiError && error.status === 409 ? changed() : undefined),
  });
}

export function useAddResponse(number: string) {
  const changed = useStaffIssueChanged();
  return useMutation({
    mutationFn: async (body: NewResponse) =>
      unwrap(await apiClient.POST('/api/v1/staff/issues/{number}/responses', { params: path(number), body })),
    onSuccess: changed,
  });
}

export function useAskForInformation(number: string) {
  const changed = useStaffIssueChanged();
  return useMutation({
    mutationFn: async (message: string) =>
      unwrap(
        await apiClient.POST('/api/v1/staff/issues/{number}/information-requests', {
          params: path(number),
          body: { message },
        }),
      ),
    onSuccess: changed,
  });
}

export function useTransfer(number: string) {
  const changed = useStaffIssueChanged();
  return useMutation({
    mutationFn: async (body: Transfer) =>
      unwrap(await apiClient.POST('/api/v1/staff/issues/{number}/transfer', { params: path(number), body })),
    onSuccess: changed,
  });
}

export function useChangeCategory(number: string) {
  const changed = useStaffIssueChanged();
  return useMutation({
    mutationFn: async (body: CategoryChange) =>
      unwrap(await apiClient.POST('/api/v1/staff/issues/{number}/category', { params: path(number), body })),
    onSuccess: changed,
  });
}

export function useMerge(number: string) {
  const changed = useStaffIssueChanged();
  return useMutation({
    mutationFn: async (body: Merge) =>
      unwrap(await apiClient.POST('/api/v1/staff/issues/{number}/merge', { params: path(number), body })),
    onSuccess: changed,
  });
}

/** Open public issues of the category near a place: candidates to merge a duplicate into. */
export function useNearby(category: string, location: Location | null | undefined) {
  return useQuery({
    queryKey: [...PUBLIC_ISSUES_KEY, 'nearby', category, location?.lat, location?.lon, 'console'],
    queryFn: async ({ signal }) =>
      unwrap(
        await apiClient.GET('/api/v1/issues/nearby', {
          params: { query: { category, lat: location?.lat ?? 0, lon: location?.lon ?? 0, radius: 300 } },
          signal,
        }),
      ).items,
    enabled: location !== null && location !== undefined,
    staleTime: 30_000,
  });
}
