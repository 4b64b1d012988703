import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';
import { STAFF_KEY } from '@/lib/auth';
import { PUBLIC_ISSUES_KEY } from './queries';
import { urlNumber } from './types';

export type StaffIssue = components['schemas']['StaffIssue'];
export type ModerationDecision = components['schemas']['ModerationDecision'];
export type Redaction = components['schemas']['Redaction'];

/** The moderation queue. */
export const MODERATION_QUEUE_KEY = [...STAFF_KEY, 'moderation'] as const;
/** The operators' queue and the issues as staff see them. */
export const STAFF_ISSUES_KEY = [...STAFF_KEY, 'issues'] as const;

/** One issue as staff see it, by its number as it appears in addresses (`2026-000123`). */
export const staffIssueKey = (number: string) => [...STAFF_ISSUES_KEY, 'detail', urlNumber(number)] as const;

/**
 * After a change of an issue. With the server's answer, the staff's copy of the issue is
 * replaced by it and the rest of the staff's cache (queues, templates) is only marked stale,
 * to be read when next shown: after a transfer the person may no longer see the issue, and
 * reading it (or its templates) again would be refused. Without an answer (a refused change)
 * everything shown is read again. The moderation queue and what the public sees are read again.
 */
export function useStaffIssueChanged() {
  const queryClient = useQueryClient();
  return async (issue?: StaffIssue) => {
    if (issue) queryClient.setQueryData(staffIssueKey(issue.number), issue);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: MODERATION_QUEUE_KEY }),
      queryClient.invalidateQueries({ queryKey: STAFF_ISSUES_KEY, refetchType: issue ? 'none' : 'active' }),
      queryClient.invalidateQueries({ queryKey: PUBLIC_ISSUES_KEY }),
    ]);
  };
}

const path = (number: string) => ({ path: { number: urlNumber(number) } });

export function useModerate(number: string) {
  const changed = useStaffIssueChanged();
  return useMutation({
    mutationFn: async (body: ModerationDecision) =>
      unwrap(await apiClient.POST('/api/v1/issues/{number}/moderation', { params: path(number), body })),
    onSuccess: changed,
  });
}

export function useRedact(number: string) {
  const changed = useStaffIssueChanged();
  return useMutation({
    mutationFn: async (body: Redaction) =>
      unwrap(await apiClient.POST('/api/v1/issues/{number}/redaction', { params: path(number), body })),
    onSuccess: changed,
  });
}

export function usePhotoVisibility(number: string) {
  const changed = useStaffIssueChanged();
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
 * A photo of an issue as staff see it (hidden ones and those of pending issues too). Staff
 * photos need the session's token, which an `<img src>` cannot send, so the photo is fetched
 * through the API client and shown from a data URL (which, unlike an object URL, needs no
 * revoking when the cache lets it go).
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
