import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: async (email: string) =>
      unwrap(await apiClient.POST('/api/v1/auth/password-reset', { body: { email } })),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: async (body: components['schemas']['NewPasswordRequest']) => {
      unwrap(await apiClient.POST('/api/v1/auth/password-reset/confirm', { body }));
    },
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: async (body: components['schemas']['InvitationAcceptance']) => {
      unwrap(await apiClient.POST('/api/v1/auth/invitation/accept', { body }));
    },
  });
}
