import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';
import { useStaffIssueChanged } from '@/lib/issues/staff';

export type NewIssue = components['schemas']['NewIssue'];
export type Channel = components['schemas']['Channel'];

/** The channels by which a caller's issue reaches staff, who register it for them (R1.7). */
export const STAFF_CHANNELS = ['phone', 'email', 'epuap', 'letter', 'in_person'] as const satisfies readonly Channel[];

type Registration = {
  issue: NewIssue;
  /** One key per content: a repeated click after a lost answer does not register it twice. */
  idempotencyKey: string;
};

/** Registers an issue received by phone, mail, ePUAP, letter or in person. */
export function useRegisterIssue() {
  const changed = useStaffIssueChanged();
  return useMutation({
    mutationFn: async ({ issue, idempotencyKey }: Registration) =>
      unwrap(
        await apiClient.POST('/api/v1/issues', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body: issue,
        }),
      ),
    onSuccess: () => changed(),
  });
}
