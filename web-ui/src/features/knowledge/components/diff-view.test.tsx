import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, renderRoutes } from '@/testing/test-utils';
import type { Draft, DraftDiff } from '../api/types';
import { emptyContent } from '../utils/editor-state';
import { DiffView } from './diff-view';

const draft: Draft = {
  id: '5d1c8f0e-2b7a-4f39-9a51-0c7e1f3b2a01',
  procedure_id: '7b0f0a57-8a8d-4c5b-9f51-6f0c8a4b1a01',
  unit: { id: '0b8f4b8e-54a4-4c59-9d1c-8a1f0f6f7a01', slug: 'wydzial-spraw-obywatelskich', name: 'Wydział Spraw Obywatelskich' },
  state: 'in_review',
  base_version: 1,
  content: emptyContent(),
  change_note: 'Nowa stawka',
  created_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-20T10:00:00Z',
  comments: [],
  attachments: [],
};

const fee = (amount_grosze: number) => ({
  kind: 'Opłata skarbowa',
  amount_grosze,
  account: '90103015080000000550019877',
  remarks: '',
});

// As the API sends them: a changed item has both values, a removed one only `before`, an added one only `after`.
const diff: DraftDiff = {
  base_version: 1,
  changes: [
    { field: 'fields.fees.items[0]', kind: 'changed', before: fee(1700), after: fee(2100) },
    { field: 'fields.steps[2]', kind: 'removed', before: { name: 'Odbierz zaświadczenie', comment: null, electronic: false } },
    { field: 'fields.useful_information[0]', kind: 'added', after: 'sprawa załatwiana od ręki' },
  ],
};

function renderDiff() {
  fakeApi({
    [`GET /api/v1/staff/procedure-drafts/${draft.id}/diff`]: () => jsonResponse(diff),
    'GET /api/v1/procedure-topics': () => jsonResponse([]),
    'GET /api/v1/staff/procedures': () => jsonResponse({ items: [], total: 0, page: 1, per_page: 100 }),
  });
  renderRoutes([{ path: '/', element: <DiffView draft={draft} /> }], '/');
}

/** The change whose heading starts with `field`, and its values by their terms ("Było", "Jest"). */
async function change(field: string) {
  const heading = await screen.findByRole('heading', { name: new RegExp(`^${field} \\(`) });
  const item = heading.closest('li');
  if (!item) throw new Error(`no change for ${field}`);
  const terms = within(item).queryAllByRole('term').map((term) => term.textContent);
  const values = within(item).queryAllByRole('definition').map((value) => value.textContent);
  return { terms, values };
}

describe('DiffView', () => {
  it('shows a changed fee with its old and new amount', async () => {
    renderDiff();
    const { terms, values } = await change('Opłaty — pozycja 1');
    expect(terms).toEqual(['Było', 'Jest']);
    expect(values[0]).toMatch(/^Opłata skarbowa — 17,00\szł — 90103015080000000550019877$/);
    expect(values[1]).toMatch(/^Opłata skarbowa — 21,00\szł — 90103015080000000550019877$/);
  });

  it('shows what a removed item was, and only what an added item is', async () => {
    renderDiff();
    expect(await change('Najważniejsze etapy realizacji procedury — pozycja 3')).toEqual({
      terms: ['Było'],
      values: ['Odbierz zaświadczenie'],
    });
    expect(await change('Przydatne informacje — pozycja 1')).toEqual({
      terms: ['Jest'],
      values: ['sprawa załatwiana od ręki'],
    });
  });
});
