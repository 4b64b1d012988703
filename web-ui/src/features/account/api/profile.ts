import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';
import { ME_KEY, profileQueryOptions } from '@/lib/auth';
import { fileNameOf } from '@/lib/save-file';

export type ProfileUpdate = components['schemas']['ProfileUpdate'];

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProfileUpdate) => unwrap(await apiClient.PATCH('/api/v1/accounts/me', { body })),
    onSuccess: (profile) => {
      queryClient.setQueryData(profileQueryOptions().queryKey, profile);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: components['schemas']['PasswordChange']) => {
      unwrap(await apiClient.POST('/api/v1/accounts/me/password', { body }));
    },
  });
}

export function useStartTotp() {
  return useMutation({
    mutationFn: async () => unwrap(await apiClient.POST('/api/v1/auth/totp')),
  });
}

/**
 * Confirms TOTP enrolment. The profile is not reloaded here: the caller first keeps the
 * recovery codes (shown once), then reloads it with `useReloadProfile`.
 */
export function useConfirmTotp() {
  return useMutation({
    mutationFn: async (code: string) => unwrap(await apiClient.POST('/api/v1/auth/totp/confirm', { body: { code } })),
  });
}

export function useReloadProfile() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ME_KEY });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (password: string) => {
      unwrap(await apiClient.DELETE('/api/v1/auth/totp', { body: { password } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** Deletes the account; the server ends its sessions, so the session here ends too. */
export function useDeleteAccount() {
  return useMutation({
    mutationFn: async (password: string) => {
      unwrap(await apiClient.DELETE('/api/v1/accounts/me', { body: { password } }));
    },
  });
}

/** Fetches one's data as a file (with the session's token, so not a plain link). */
export async function fetchMyData(): Promise<{ blob: Blob; filename: string }> {
  const result = await apiClient.GET('/api/v1/accounts/me/export', { parseAs: 'blob' });
  return { blob: unwrap(result), filename: fileNameOf(result.response, 'kontakt-my-data.json') };
}

export function useDownloadMyData() {
  return useMutation({ mutationFn: fetchMyData });
}
