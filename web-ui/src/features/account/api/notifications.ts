import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';
import { ME_KEY } from '@/lib/auth';

export type NewIssueMail = components['schemas']['NewIssueMail'];
type NotificationSettings = components['schemas']['NotificationSettings'];

const SETTINGS_KEY = [...ME_KEY, 'notification-settings'] as const;

/** The staff member's current setting. */
export function useSavedNotificationSettings() {
  return useQuery<NotificationSettings>({
    queryKey: SETTINGS_KEY,
    queryFn: async () => unwrap(await apiClient.GET('/api/v1/accounts/me/notification-settings')),
  });
}

/** How a staff member hears of new issues in their queue: at once, in a daily digest, or not at all. */
export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NotificationSettings) =>
      unwrap(await apiClient.PUT('/api/v1/accounts/me/notification-settings', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
    },
  });
}
