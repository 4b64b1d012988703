import { useMutation, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type RegisterRequest = components['schemas']['RegisterRequest'];

export function useRegister() {
  return useMutation({
    mutationFn: async (body: RegisterRequest) => unwrap(await apiClient.POST('/api/v1/auth/register', { body })),
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: async (email: string) =>
      unwrap(await apiClient.POST('/api/v1/auth/verify-email/resend', { body: { email } })),
  });
}

/**
 * Confirms an emailed token as soon as the page opens. A query, not a mutation, so that the
 * token is sent once even when the page renders twice (a used token would then fail).
 */
function useTokenConfirmation(kind: string, token: string, confirm: (token: string) => Promise<unknown>) {
  return useQuery({
    queryKey: ['token-confirmation', kind, token],
    queryFn: async () => {
      await confirm(token);
      return true;
    },
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function useVerifyEmail(token: string) {
  return useTokenConfirmation('verify-email', token, async (value) => {
    unwrap(await apiClient.POST('/api/v1/auth/verify-email', { body: { token: value } }));
  });
}

export function useConfirmEmailChange(token: string) {
  return useTokenConfirmation('email-change', token, async (value) => {
    unwrap(await apiClient.POST('/api/v1/auth/email-change/confirm', { body: { token: value } }));
  });
}
