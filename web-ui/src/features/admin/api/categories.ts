import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type Category = components['schemas']['Category'];
export type CategoryInput = components['schemas']['CategoryInput'];

/** Every category, inactive and out-of-window ones too (administrators only). */
const categoriesKey = ['admin', 'categories'] as const;

export function useAllCategories() {
  return useQuery({
    queryKey: categoriesKey,
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/categories', { params: { query: { all: true } }, signal })).items,
  });
}

/**
 * After a save the list holds the saved category at once (its page reads it from there), and is
 * read again for the order; the public list (the report form) is read again too.
 */
function saved(queryClient: QueryClient, category: Category) {
  queryClient.setQueryData<Category[]>(categoriesKey, (list) =>
    list ? [...list.filter((item) => item.id !== category.id), category] : list,
  );
  void queryClient.invalidateQueries({ queryKey: categoriesKey });
  void queryClient.invalidateQueries({ queryKey: ['categories'] });
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CategoryInput) => unwrap(await apiClient.POST('/api/v1/categories', { body })),
    onSuccess: (category) => {
      saved(queryClient, category);
    },
  });
}

export function useUpdateCategory(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CategoryInput) =>
      unwrap(await apiClient.PATCH('/api/v1/categories/{slug}', { params: { path: { slug } }, body })),
    onSuccess: (category) => {
      saved(queryClient, category);
    },
  });
}
