import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { errorTarget, parentPath, parsePath, pathLabel } from './field-paths';

const pl = i18n.getFixedT('pl');
const en = i18n.getFixedT('en');

describe('parsePath', () => {
  it('splits a path into names and positions, without the request’s `content.`', () => {
    expect(parsePath('content.fields.steps[0].name')).toEqual([
      { name: 'fields' },
      { name: 'steps', index: 0 },
      { name: 'name' },
    ]);
    expect(parsePath('fields.documents.to_submit[2].e_forms[1].url')).toEqual([
      { name: 'fields' },
      { name: 'documents' },
      { name: 'to_submit', index: 2 },
      { name: 'e_forms', index: 1 },
      { name: 'url' },
    ]);
  });
});

describe('parentPath', () => {
  it('goes up one level at a time', () => {
    expect(parentPath('content.fields.steps[0].name')).toBe('content.fields.steps[0]');
    expect(parentPath('content.fields.steps[0]')).toBe('content.fields.steps');
    expect(parentPath('content')).toBe('');
  });
});

describe('pathLabel', () => {
  it.each([
    ['fields.name', 'Nazwa procedury'],
    ['fields.fees', 'Opłaty'],
    ['fields.fees.items[0]', 'Opłaty — pozycja 1'],
    ['content.fields.fees.items[1].amount_grosze', 'Opłaty — pozycja 2 — kwota'],
    ['content.fields.steps[0].name', 'Najważniejsze etapy realizacji procedury — pozycja 1 — nazwa'],
    ['fields.documents.to_submit[0]', 'Dokumenty do złożenia — pozycja 1'],
    [
      'content.fields.documents.to_show[1].e_forms[0].url',
      'Dokumenty do okazania — pozycja 2 — formularze elektroniczne — pozycja 1 — adres',
    ],
    ['internal.owner', 'Właściciel procedury'],
    ['internal.faq[2].answer', 'Najczęściej zadawane pytania — pozycja 3 — odpowiedź'],
    ['fields.topics[0]', 'Tematy — pozycja 1'],
    ['unit_id', 'Jednostka'],
    ['change_note', 'Opis zmiany'],
  ])('names %s “%s”', (path, label) => {
    expect(pathLabel(path, pl)).toBe(label);
  });

  it('names paths in English too', () => {
    expect(pathLabel('fields.fees.items[0]', en)).toBe('Fees — item 1');
    expect(pathLabel('content.fields.steps[3].comment', en)).toBe('Main steps of the procedure — item 4 — comment');
  });

  it('keeps an unknown name as it is', () => {
    expect(pathLabel('fields.something_new[0].part', pl)).toBe('something_new — pozycja 1 — part');
  });
});

describe('errorTarget', () => {
  const inputs = new Set([
    'content.fields.name',
    'content.fields.steps',
    'content.fields.steps[0].name',
    'content.fields.fees',
    'content.fields.topics',
  ]);
  const has = (path: string) => inputs.has(path);

  it('puts an error at the input of its path', () => {
    expect(errorTarget('content.fields.steps[0].name', has)).toBe('content.fields.steps[0].name');
    expect(errorTarget('content.fields.name', has)).toBe('content.fields.name');
  });

  it('puts an error without an input of its own at the closest group above it', () => {
    expect(errorTarget('content.fields.topics[2]', has)).toBe('content.fields.topics');
    expect(errorTarget('content.fields.fees.items', has)).toBe('content.fields.fees');
    expect(errorTarget('content.fields.steps[4].name', has)).toBe('content.fields.steps');
  });

  it('finds nothing for a path the form does not show', () => {
    expect(errorTarget('content.internal.owner', has)).toBeUndefined();
    expect(errorTarget('unit_id', has)).toBeUndefined();
  });
});
