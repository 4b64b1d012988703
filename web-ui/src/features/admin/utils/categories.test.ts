import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { availabilityOf, byGroup } from './categories';

type Category = components['schemas']['Category'];

function category(slug: string, group: [string, string], position: number): Category {
  return {
    id: slug,
    slug,
    name_pl: slug,
    name_en: slug,
    group_pl: group[0],
    group_en: group[1],
    kind: 'problem',
    unit_id: 'unit',
    delivery: 'automatic',
    location_required: true,
    active: true,
    fields: [],
    position,
  };
}

describe('byGroup', () => {
  it('puts categories under their groups in list order, groups where their first category is', () => {
    const roads: [string, string] = ['Drogi', 'Roads'];
    const transport: [string, string] = ['Komunikacja', 'Transport'];
    const categories = [category('lights', roads, 20), category('stops', transport, 15), category('potholes', roads, 10)];
    const groups = byGroup(categories, 'en').map(([group, members]) => [group, members.map((item) => item.slug)]);
    expect(groups).toEqual([
      ['Roads', ['potholes', 'lights']],
      ['Transport', ['stops']],
    ]);
    expect(byGroup(categories, 'pl').map(([group]) => group)).toEqual(['Drogi', 'Komunikacja']);
  });
});

describe('availabilityOf', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  const window = { active: true, valid_from: '2026-05-01T00:00:00Z', valid_until: '2026-07-01T00:00:00Z' };

  it('tells whether residents can report in it now, and if not, why', () => {
    expect(availabilityOf(window, now)).toBe('offered');
    expect(availabilityOf({ active: true }, now)).toBe('offered');
    expect(availabilityOf({ ...window, active: false }, now)).toBe('inactive');
    expect(availabilityOf({ ...window, valid_from: '2026-06-02T00:00:00Z' }, now)).toBe('scheduled');
    expect(availabilityOf({ ...window, valid_until: '2026-06-01T12:00:00Z' }, now)).toBe('ended');
  });
});
