import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type WebhookSubscription = components['schemas']['WebhookSubscription'];
export type NewWebhookSubscription = components['schemas']['NewWebhookSubscription'];
export type WebhookSubscriptionChange = components['schemas']['WebhookSubscriptionChange'];
export type WebhookDelivery = components['schemas']['WebhookDelivery'];
export type WebhookEvent = components['schemas']['WebhookEvent'];

const webhooksKey = ['admin', 'webhooks'] as const;
const webhookKey = (id: string) => [...webhooksKey, id] as const;
const deliveriesKey = (id: string) => [...webhookKey(id), 'deliveries'] as const;

/** While a delivery waits for its next attempt, the log is read again this often. */
const PENDING_REFRESH_MS = 5_000;

export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/webhooks', { signal })),
  });
}

export function useWebhook(id: string) {
  return useQuery({
    queryKey: webhookKey(id),
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/webhooks/{id}', { params: { path: { id } }, signal })),
  });
}

/** The subscription as the server now has it is its page's data at once; the list is read again. */
function saved(queryClient: QueryClient, subscription: WebhookSubscription) {
  queryClient.setQueryData(webhookKey(subscription.id), subscription);
  void queryClient.invalidateQueries({ queryKey: webhooksKey, exact: true });
}

/**
 * The answer holds the signing secret, readable only this once: it is not cached with the
 * subscription, and the mutation is dropped from the cache as soon as nothing shows it.
 */
export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewWebhookSubscription) => unwrap(await apiClient.POST('/api/v1/webhooks', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey, exact: true }),
    gcTime: 0,
  });
}

export function useUpdateWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: WebhookSubscriptionChange) =>
      unwrap(await apiClient.PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body })),
    onSuccess: (subscription) => {
      saved(queryClient, subscription);
    },
  });
}

export function useDeleteWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await apiClient.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: webhookKey(id) });
      void queryClient.invalidateQueries({ queryKey: webhooksKey, exact: true });
    },
  });
}

/** A new signing secret, shown once (see `useCreateWebhook`). */
export function useRotateWebhookSecret(id: string) {
  return useMutation({
    mutationFn: async () =>
      unwrap(await apiClient.POST('/api/v1/webhooks/{id}/secret', { params: { path: { id } } })),
    gcTime: 0,
  });
}

export function useDeliveries(id: string) {
  return useQuery({
    queryKey: deliveriesKey(id),
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id } }, signal })),
    // The log changes behind the page's back as the server delivers.
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data?.some((delivery) => delivery.next_attempt_at) ? PENDING_REFRESH_MS : false,
  });
}

/** Sends a delivery's body again, as a new delivery that appears at the top of the log. */
export function useRedeliver(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (deliveryId: string) =>
      unwrap(
        await apiClient.POST('/api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver', {
          params: { path: { id, delivery_id: deliveryId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(id) }),
  });
}
