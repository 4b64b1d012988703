import { describe, expect, it } from 'vitest';
import {
  definitionsOf,
  draftErrorNames,
  draftsOf,
  moved,
  newField,
  newOption,
  optionErrors,
  without,
  withType,
  type FieldDefinition,
  type FieldDraft,
} from './field-drafts';

const stored: FieldDefinition[] = [
  { key: 'size_cm', type: 'number', order: 2, label_pl: 'Średnica', label_en: 'Width', min: 1, max: 1000 },
  {
    key: 'surface',
    type: 'select',
    required: true,
    order: 1,
    label_pl: 'Gdzie',
    label_en: 'Where',
    help_pl: 'Wybierz',
    options: [{ value: 'road', label_pl: 'Jezdnia', label_en: 'Road' }],
  },
];

/** A draft with these properties (ids are the editor's own and are left out of comparisons). */
function draft(change: Partial<FieldDraft>): FieldDraft {
  return { ...newField(), ...change };
}

describe('draftsOf and definitionsOf', () => {
  it('takes the stored fields in form order, with numbers and missing texts as strings', () => {
    const drafts = draftsOf(stored);
    expect(drafts.map((item) => item.key)).toEqual(['surface', 'size_cm']);
    expect(drafts[0]).toMatchObject({ required: true, help_pl: 'Wybierz', help_en: '', min: '', max_length: '' });
    expect(drafts[0]?.options).toMatchObject([{ value: 'road', label_pl: 'Jezdnia', label_en: 'Road' }]);
    expect(drafts[1]).toMatchObject({ required: false, min: '1', max: '1000' });
    expect(new Set(drafts.map((item) => item.id)).size).toBe(2);
  });

  it('gives back what was stored, numbered in list order', () => {
    expect(definitionsOf(draftsOf(stored))).toEqual([
      { ...stored[1], order: 1 },
      { ...stored[0], order: 2, required: false },
    ]);
  });

  it('sends only what the type uses, trimmed, and leaves empty optional texts out', () => {
    const definitions = definitionsOf([
      draft({
        key: ' note ',
        type: 'text',
        label_pl: ' Uwagi ',
        label_en: 'Note',
        help_pl: '  ',
        min: '3',
        max_length: '30',
        options: [newOption()],
      }),
      draft({ key: 'depth', type: 'number', label_pl: 'Głębokość', label_en: 'Depth', min: '0', max: '', max_length: '5' }),
      draft({ key: 'safe', type: 'boolean', label_pl: 'Bezpieczne', label_en: 'Safe', required: true }),
    ]);
    expect(definitions).toEqual([
      { key: 'note', type: 'text', required: false, order: 1, label_pl: 'Uwagi', label_en: 'Note', max_length: 30 },
      { key: 'depth', type: 'number', required: false, order: 2, label_pl: 'Głębokość', label_en: 'Depth', min: 0 },
      { key: 'safe', type: 'boolean', required: true, order: 3, label_pl: 'Bezpieczne', label_en: 'Safe' },
    ]);
  });
});

describe('list editing', () => {
  const list = ['a', 'b', 'c'];

  it('moves an item up or down by one place', () => {
    expect(moved(list, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(list, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(list, 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the list as it is when the item would leave it', () => {
    expect(moved(list, 0, -1)).toEqual(list);
    expect(moved(list, 2, 1)).toEqual(list);
    expect(moved(list, 5, -1)).toEqual(list);
  });

  it('removes an item', () => {
    expect(without(list, 1)).toEqual(['a', 'c']);
    expect(without(list, 3)).toEqual(list);
  });
});

describe('withType', () => {
  it('gives a new select one option to fill in, and keeps options already there', () => {
    const select = withType(draft({ type: 'text' }), 'select');
    expect(select.options).toHaveLength(1);
    expect(withType(select, 'multi_select').options).toBe(select.options);
    // Options stay in the draft when the type changes away, but are not sent.
    const text = withType(select, 'text');
    expect(text.options).toHaveLength(1);
    expect(definitionsOf([text])[0]).not.toHaveProperty('options');
  });
});

describe('optionErrors', () => {
  it('names options without a value or a label, and repeated values', () => {
    const options = [
      { ...newOption(), value: 'road', label_pl: 'Jezdnia', label_en: 'Road' },
      { ...newOption(), value: ' road ', label_pl: 'Droga', label_en: '' },
      { ...newOption(), value: '', label_pl: 'Chodnik', label_en: 'Pavement' },
    ];
    expect(optionErrors([draft({ type: 'text' }), draft({ type: 'select', options })])).toEqual({
      'fields[1].options[1].value': 'duplicate',
      'fields[1].options[1].label_en': 'required',
      'fields[1].options[2].value': 'required',
    });
  });

  it('ignores the options of fields that are not selects', () => {
    expect(optionErrors([draft({ type: 'number', options: [newOption()] })])).toEqual({});
  });
});

describe('draftErrorNames', () => {
  it('names every property of every field and option as the API does', () => {
    const names = draftErrorNames([draft({}), draft({ type: 'select', options: [newOption()] })]);
    expect(names).toContain('fields[0].key');
    expect(names).toContain('fields[1].options');
    expect(names).toContain('fields[1].options[0].label_pl');
    expect(names).not.toContain('fields[0].options[0].value');
  });
});
