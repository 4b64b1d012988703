import type { Category } from '@/lib/issues/types';

/** A category with one field of every kind, as GET /categories describes it. */
export const roadDamage: Category = {
  id: '8b5d3c1e-0000-4000-8000-000000000001',
  slug: 'road-damage',
  name_pl: 'Uszkodzona nawierzchnia drogi',
  name_en: 'Road damage',
  group_pl: 'Drogi i chodniki',
  group_en: 'Roads and pavements',
  description_pl: 'Dziury, wyrwy i zapadnięcia jezdni lub chodnika.',
  description_en: 'Potholes, cracks and subsidence of roads or pavements.',
  kind: 'problem',
  unit_id: '8b5d3c1e-0000-4000-8000-0000000000aa',
  delivery: 'automatic',
  location_required: true,
  active: true,
  position: 10,
  fields: [
    {
      key: 'size_cm',
      type: 'number',
      order: 2,
      label_pl: 'Przybliżona średnica (cm)',
      label_en: 'Approximate width (cm)',
      min: 1,
      max: 1000,
    },
    {
      key: 'surface',
      type: 'select',
      required: true,
      order: 1,
      label_pl: 'Gdzie',
      label_en: 'Where',
      options: [
        { value: 'road', label_pl: 'Jezdnia', label_en: 'Road' },
        { value: 'pavement', label_pl: 'Chodnik', label_en: 'Pavement' },
      ],
    },
    { key: 'dangerous', type: 'boolean', order: 3, label_pl: 'Stwarza zagrożenie dla ruchu', label_en: 'Endangers traffic' },
    { key: 'blocking', type: 'boolean', required: true, order: 4, label_pl: 'Blokuje przejazd', label_en: 'Blocks the way' },
    {
      key: 'causes',
      type: 'multi_select',
      order: 5,
      label_pl: 'Przyczyny',
      label_en: 'Causes',
      options: [
        { value: 'frost', label_pl: 'Mróz', label_en: 'Frost' },
        { value: 'works', label_pl: 'Roboty drogowe', label_en: 'Road works' },
      ],
    },
    { key: 'since', type: 'date', order: 6, label_pl: 'Od kiedy', label_en: 'Since when' },
    {
      key: 'note',
      type: 'text',
      order: 7,
      label_pl: 'Uwagi',
      label_en: 'Notes',
      help_pl: 'Na przykład numer słupka.',
      help_en: 'For example the number of a post.',
      max_length: 10,
    },
  ],
};

export const greenery: Category = {
  ...roadDamage,
  id: '8b5d3c1e-0000-4000-8000-000000000002',
  slug: 'greenery',
  name_pl: 'Zieleń miejska',
  name_en: 'Greenery',
  group_pl: 'Zieleń i zwierzęta',
  group_en: 'Greenery and animals',
  description_pl: null,
  description_en: null,
  position: 80,
  fields: [],
};

export const piotrkowska = { label: 'Piotrkowska 104', lat: 51.7592, lon: 19.4576, source: 'street_register' };
