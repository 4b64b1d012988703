import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type App = components['schemas']['AppView'];
export type AppInput = components['schemas']['AppInput'];
export type AppChange = components['schemas']['AppChange'];
export type AppKey = components['schemas']['KeyView'];
export type IssuedKey = components['schemas']['IssuedKey'];
export type Scope = components['schemas']['Scope'];

const appsKey = ['admin', 'apps'] as const;
const appKey = (id: string) => [...appsKey, id] as const;

export function useApps() {
  return useQuery({
    queryKey: appsKey,
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/apps', { signal })),
  });
}

export function useApp(id: string) {
  return useQuery({
    queryKey: appKey(id),
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/apps/{id}', { params: { path: { id } }, signal })),
  });
}

/** The app as the server now has it is its page's data at once; the list is read again. */
function saved(queryClient: QueryClient, app: App) {
  queryClient.setQueryData(appKey(app.id), app);
  void queryClient.invalidateQueries({ queryKey: appsKey, exact: true });
}

export function useCreateApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AppInput) => unwrap(await apiClient.POST('/api/v1/apps', { body })),
    onSuccess: (app) => {
      saved(queryClient, app);
    },
  });
}

export function useUpdateApp(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AppChange) =>
      unwrap(await apiClient.PATCH('/api/v1/apps/{id}', { params: { path: { id } }, body })),
    onSuccess: (app) => {
      saved(queryClient, app);
    },
  });
}

/** After a change to its keys the app (and the list's key counts) are read again. */
function useKeysChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: appsKey });
}

/**
 * A key is readable only in the answer that issued it: the mutation is dropped from the cache
 * as soon as nothing shows it, so the key does not outlive its page.
 */
export function useIssueKey(id: string) {
  const changed = useKeysChanged();
  return useMutation({
    mutationFn: async () => unwrap(await apiClient.POST('/api/v1/apps/{id}/keys', { params: { path: { id } } })),
    onSuccess: changed,
    gcTime: 0,
  });
}

/** Issues a new key and revokes the old one in one step (the new key as with `useIssueKey`). */
export function useRotateKey(id: string) {
  const changed = useKeysChanged();
  return useMutation({
    mutationFn: async (keyId: string) =>
      unwrap(
        await apiClient.POST('/api/v1/apps/{id}/keys/{key_id}/rotate', { params: { path: { id, key_id: keyId } } }),
      ),
    onSuccess: changed,
    gcTime: 0,
  });
}

export function useRevokeKey(id: string) {
  const changed = useKeysChanged();
  return useMutation({
    mutationFn: async (keyId: string) =>
      unwrap(
        await apiClient.POST('/api/v1/apps/{id}/keys/{key_id}/revoke', { params: { path: { id, key_id: keyId } } }),
      ),
    onSuccess: changed,
  });
}
