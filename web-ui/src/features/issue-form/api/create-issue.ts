import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { ME_KEY } from '@/lib/auth';
import { multipartOf, type NewIssue } from '../utils/request';

type IssueSubmission = {
  issue: NewIssue;
  photos: File[];
  /** One key per submitted content: a retry after a lost answer returns the first answer. */
  idempotencyKey: string;
};

/** Files an issue: JSON, or multipart when there are photos. A logged-in reporter's token goes along. */
export function useCreateIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ issue, photos, idempotencyKey }: IssueSubmission) =>
      unwrap(
        await apiClient.POST('/api/v1/issues', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body: issue,
          bodySerializer: photos.length > 0 ? () => multipartOf(issue, photos) : undefined,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...ME_KEY, 'issues'] }),
  });
}
