import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type Profile = components['schemas']['Profile'];
export type Role = components['schemas']['Role'];
export type Inbox = components['schemas']['Inbox'];

/** Everything cached about the logged-in person is under this key, and dropped at logout. */
export const ME_KEY = ['me'] as const;

/** What staff read that is not public (the moderation queue, staff photos) is under this key, and dropped at logout. */
export const STAFF_KEY = ['staff'] as const;

export const profileQueryOptions = () =>
  queryOptions({
    queryKey: [...ME_KEY, 'profile'],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/accounts/me', { signal })),
  });

export const inboxQueryOptions = () =>
  queryOptions({
    queryKey: [...ME_KEY, 'messages'],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/accounts/me/messages', { signal })),
  });
