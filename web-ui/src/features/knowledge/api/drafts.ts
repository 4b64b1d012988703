import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { PUBLIC_PROCEDURES_KEY, STAFF_PROCEDURES_KEY } from './procedures';
import type { Draft, DraftUpdate, ProcedureContent, VersionState } from './types';

/** Drafts, their diffs and the review queue. */
export const DRAFTS_KEY = [...STAFF_PROCEDURES_KEY, 'drafts'] as const;
const draftKey = (id: string) => [...DRAFTS_KEY, 'detail', id] as const;
const diffKey = (id: string) => [...DRAFTS_KEY, 'diff', id] as const;
const path = (id: string) => ({ path: { id } });

/** Open drafts: the editor's units', or all for publishers; optionally only in one state. */
export function useDrafts(state: VersionState | undefined, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [...DRAFTS_KEY, 'list', state ?? 'open'],
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/staff/procedure-drafts', { params: { query: { state } }, signal })),
    staleTime: 0,
  });
}

export function useDraft(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: draftKey(id),
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/staff/procedure-drafts/{id}', { params: path(id), signal })),
    staleTime: 0,
  });
}

/** The field-by-field changes a publisher reviews. */
export function useDraftDiff(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: diffKey(id),
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/staff/procedure-drafts/{id}/diff', { params: path(id), signal })),
    staleTime: 0,
  });
}

/**
 * After a change of a draft: its copy is replaced by the server's answer; the lists and the
 * diff are read again when next shown.
 */
function useDraftChanged() {
  const queryClient = useQueryClient();
  return async (draft: Draft) => {
    queryClient.setQueryData(draftKey(draft.id), draft);
    await queryClient.invalidateQueries({ queryKey: STAFF_PROCEDURES_KEY, refetchType: 'none' });
  };
}

/** Starts a new procedure of a unit as its first draft. */
export function useCreateProcedure() {
  const changed = useDraftChanged();
  return useMutation({
    mutationFn: async (body: { unit_id: string; content: ProcedureContent; change_note: string }) =>
      unwrap(await apiClient.POST('/api/v1/staff/procedures', { body })),
    onSuccess: changed,
  });
}

/** Starts a change of a published procedure: a draft holding a copy of its current version. */
export function useStartDraft() {
  const changed = useDraftChanged();
  return useMutation({
    mutationFn: async (procedureId: string) =>
      unwrap(await apiClient.POST('/api/v1/staff/procedures/{id}/drafts', { params: path(procedureId) })),
    onSuccess: changed,
  });
}

export function useSaveDraft(id: string) {
  const changed = useDraftChanged();
  return useMutation({
    mutationFn: async (body: DraftUpdate) =>
      unwrap(await apiClient.PUT('/api/v1/staff/procedure-drafts/{id}', { params: path(id), body })),
    onSuccess: changed,
  });
}

/** Saves the text and submits it for review, so nothing typed is left behind. */
export function useSubmitDraft(id: string) {
  const changed = useDraftChanged();
  return useMutation({
    mutationFn: async (body: DraftUpdate) => {
      const saved = unwrap(await apiClient.PUT('/api/v1/staff/procedure-drafts/{id}', { params: path(id), body }));
      await changed(saved);
      return unwrap(await apiClient.POST('/api/v1/staff/procedure-drafts/{id}/submit', { params: path(id) }));
    },
    onSuccess: changed,
  });
}

export function useCommentDraft(id: string) {
  const changed = useDraftChanged();
  return useMutation({
    mutationFn: async (body: string) =>
      unwrap(await apiClient.POST('/api/v1/staff/procedure-drafts/{id}/comments', { params: path(id), body: { body } })),
    onSuccess: changed,
  });
}

export function useReturnDraft(id: string) {
  const changed = useDraftChanged();
  return useMutation({
    mutationFn: async (body: string) =>
      unwrap(await apiClient.POST('/api/v1/staff/procedure-drafts/{id}/return', { params: path(id), body: { body } })),
    onSuccess: changed,
  });
}

/**
 * Publishes now (no time) or schedules. A published draft is no longer open: its queries are
 * dropped rather than read again, and what the public sees is read again.
 */
export function usePublishDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (at: string | undefined) =>
      unwrap(
        await apiClient.POST('/api/v1/staff/procedure-drafts/{id}/publish', {
          params: path(id),
          body: at === undefined ? {} : { at },
        }),
      ),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: STAFF_PROCEDURES_KEY, refetchType: 'none' }),
        queryClient.invalidateQueries({ queryKey: PUBLIC_PROCEDURES_KEY }),
      ]);
    },
  });
}

/** Adds a file to a procedure; the answer lists its accessibility problems. */
export function useUploadAttachment(procedureId: string, draftId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return unwrap(
        await apiClient.POST('/api/v1/staff/procedures/{id}/attachments', {
          params: path(procedureId),
          body: { file: file.name },
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: async () => {
      if (draftId !== undefined) await queryClient.invalidateQueries({ queryKey: draftKey(draftId) });
    },
  });
}

/** A file of a procedure fetched with the session's token: staff files are not plain links. */
export function useStaffFile(procedureId: string) {
  return useMutation({
    mutationFn: async (attachmentId: string) =>
      unwrap(
        await apiClient.GET('/api/v1/staff/procedures/{id}/attachments/{attachment_id}', {
          params: { path: { id: procedureId, attachment_id: attachmentId } },
          parseAs: 'blob',
        }),
      ),
  });
}
