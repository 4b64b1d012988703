import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';
import { STAFF_KEY } from '@/lib/auth';
import { PUBLIC_ISSUES_KEY } from '@/lib/issues/queries';
import { urlNumber } from '@/lib/issues/types';

export type StaffIssue = components['schemas']['StaffIssue'];
export type ModerationDecision = components['schemas']['ModerationDecision'];
export type Redaction = components['schemas']['Redaction'];

const QUEUE_KEY = [...STAFF_KEY, 'moderation'] as const;
export const QUEUE_PER_PAGE = 10;

/** Pending issues, oldest first. */
export function useModerationQueue(page: number) {
  return useQuery({
    queryKey: [...QUEUE_KEY, page],
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/staff/moderation', { params: { query: { page, per_page: QUEUE_PER_PAGE } }, signal })),
    placeholderData: keepPreviousData,
    // Other moderators work on the same queue.
    staleTime: 0,
  });
}

/** After a change the queue and what the public sees are read again. */
function useIssueChanged() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: QUEUE_KEY }),
      queryClient.invalidateQueries({ queryKey: PUBLIC_ISSUES_KEY }),
    ]);
  };
}

const path = (number: string) => ({ path: { number: urlNumber(number) } });

export function useModerate(number: string) {
  const changed = useIssueChanged();
  return useMutation({
    mutationFn: async (body: ModerationDecision) =>
      unwrap(await apiClient.POST('/api/v1/issues/{number}/moderation', { params: path(number), body })),
    onSuccess: changed,
  });
}

export function useRedact(number: string) {
  const changed = useIssueChanged();
  return useMutation({
    mutationFn: async (body: Redaction) =>
      unwrap(await apiClient.POST('/api/v1/issues/{number}/redaction', { params: path(number), body })),
    onSuccess: changed,
  });
}

export function usePhotoVisibility(number: string) {
  const changed = useIssueChanged();
  return useMutation({
    mutationFn: async ({ photoId, hidden }: { photoId: string; hidden: boolean }) =>
      unwrap(
        await apiClient.POST('/api/v1/issues/{number}/photos/{photo_id}/visibility', {
          params: { path: { number: urlNumber(number), photo_id: photoId } },
          body: { hidden },
        }),
      ),
    onSuccess: changed,
  });
}

function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('The photo could not be read.'));
    };
    reader.readAsDataURL(blob);
  });
}

/**
 * A photo of a pending issue. Staff photos need the session's token, which an `<img src>` cannot
 * send, so the photo is fetched through the API client and shown from a data URL (which, unlike
 * an object URL, needs no revoking when the cache lets it go).
 */
export function useStaffPhoto(number: string, photoId: string, thumbnail: boolean, enabled = true) {
  return useQuery({
    queryKey: [...STAFF_KEY, 'photo', number, photoId, thumbnail],
    queryFn: async ({ signal }) => {
      const blob = unwrap(
        await apiClient.GET('/api/v1/staff/issues/{number}/photos/{photo_id}', {
          params: { path: { number: urlNumber(number), photo_id: photoId }, query: { thumbnail } },
          parseAs: 'blob',
          signal,
        }),
      );
      return dataUrlOf(blob);
    },
    enabled,
    staleTime: Infinity,
  });
}
