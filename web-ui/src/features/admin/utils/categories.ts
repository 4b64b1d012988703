import type { Language } from '@/config/languages';
import { inLanguage } from '@/lib/issues/fields';
import type { components } from '@/lib/api/schema';

type Category = components['schemas']['Category'];
export type CategoryKind = components['schemas']['CategoryKind'];
export type Delivery = components['schemas']['Delivery'];

export const CATEGORY_KINDS = ['problem', 'idea', 'traffic_proposal'] as const satisfies readonly CategoryKind[];
export const DELIVERIES = ['automatic', 'via_operator'] as const satisfies readonly Delivery[];

// Fail to compile when the API gains a kind or a delivery mode that the lists above lack.
type MissingKind = Exclude<CategoryKind, (typeof CATEGORY_KINDS)[number]>;
type MissingDelivery = Exclude<Delivery, (typeof DELIVERIES)[number]>;
export const CATEGORY_ENUMS_ARE_COMPLETE: [MissingKind, MissingDelivery] extends [never, never] ? true : never = true;

export function isCategoryKind(value: string): value is CategoryKind {
  return (CATEGORY_KINDS as readonly string[]).includes(value);
}

export function isDelivery(value: string): value is Delivery {
  return (DELIVERIES as readonly string[]).includes(value);
}

/** Categories under their groups in the reader's language: list order, groups where their first category is. */
export function byGroup(categories: readonly Category[], language: Language): [string, Category[]][] {
  const groups = new Map<string, Category[]>();
  for (const category of [...categories].sort((a, b) => a.position - b.position)) {
    const group = inLanguage(language, category.group_pl, category.group_en);
    groups.set(group, [...(groups.get(group) ?? []), category]);
  }
  return [...groups];
}

export type Availability = 'offered' | 'inactive' | 'scheduled' | 'ended';

/** Whether residents can report in a category at `now` (ms), and if not, why. */
export function availabilityOf(category: Pick<Category, 'active' | 'valid_from' | 'valid_until'>, now: number): Availability {
  if (!category.active) return 'inactive';
  if (category.valid_from && Date.parse(category.valid_from) > now) return 'scheduled';
  if (category.valid_until && Date.parse(category.valid_until) <= now) return 'ended';
  return 'offered';
}
