import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type LoginRequest = components['schemas']['LoginRequest'];
export type SecondFactorRequest = components['schemas']['SecondFactorRequest'];
export type TotpSetup = components['schemas']['TotpSetup'];

export function useLogin() {
  return useMutation({
    mutationFn: async (body: LoginRequest) => unwrap(await apiClient.POST('/api/v1/auth/login', { body })),
  });
}

export function useSecondFactor() {
  return useMutation({
    mutationFn: async (body: SecondFactorRequest) =>
      unwrap(await apiClient.POST('/api/v1/auth/login/second-factor', { body })),
  });
}

/** Starts enrolment for staff who must set up a second factor before their first login. */
export function useEnrolAtLogin() {
  return useMutation({
    mutationFn: async (token: string) =>
      unwrap(await apiClient.POST('/api/v1/auth/login/second-factor/enrol', { body: { token } })),
  });
}
