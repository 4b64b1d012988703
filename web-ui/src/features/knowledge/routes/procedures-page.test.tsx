import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, renderRoutes } from '@/testing/test-utils';
import type { ProcedurePage, ProcedureSummary, Topic } from '../api/types';
import { ProceduresPage } from './procedures-page';

const unit = { id: '0b8f4b8e-54a4-4c59-9d1c-8a1f0f6f7a01', slug: 'wydzial-spraw-obywatelskich', name: 'Wydział Spraw Obywatelskich' };

const idCard: ProcedureSummary = {
  id: '7b0f0a57-8a8d-4c5b-9f51-6f0c8a4b1a01',
  name: 'Wydanie dowodu osobistego',
  short_description: 'Jak złożyć wniosek o dowód osobisty.',
  unit,
  topics: ['documents-and-residence'],
  modified_at: '2026-11-02T10:00:00Z',
};
const residence: ProcedureSummary = { ...idCard, id: '7b0f0a57-8a8d-4c5b-9f51-6f0c8a4b1a02', name: 'Zameldowanie na pobyt stały' };

const topics: Topic[] = [
  { slug: 'documents-and-residence', name_pl: 'Dokumenty i meldunek', name_en: 'Documents and residence', procedures: 2 },
  { slug: 'animals', name_pl: 'Zwierzęta', name_en: 'Animals', procedures: 0 },
];

const page = (items: ProcedureSummary[]): ProcedurePage => ({ items, total: items.length, page: 1, per_page: 20 });

function setUp() {
  return fakeApi({
    'GET /api/v1/procedures': (request) => {
      const q = new URL(request.url).searchParams.get('q');
      return jsonResponse(page(q === null ? [idCard, residence] : q.startsWith('dowod') ? [idCard] : []));
    },
    'GET /api/v1/procedure-topics': () => jsonResponse(topics),
    'GET /api/v1/units': () => jsonResponse({ items: [{ ...unit, short_name: null, kind: 'department', address: null, email: null, phone: null, website: null }] }),
  });
}

describe('ProceduresPage', () => {
  it('searches as one types, and announces how many procedures were found', async () => {
    const api = setUp();
    const user = userEvent.setup();
    renderRoutes([{ path: '/procedures', element: <ProceduresPage /> }], '/procedures');

    const results = screen.getByRole('region', { name: 'Wyniki' });
    expect(await within(results).findByRole('link', { name: 'Zameldowanie na pobyt stały' })).toHaveAttribute(
      'href',
      `/procedures/${residence.id}`,
    );
    expect(within(results).getByRole('status')).toHaveTextContent('Znaleziono 2 procedury.');

    await user.type(screen.getByRole('searchbox', { name: 'Szukaj procedury' }), 'dowod osobisy');

    await waitFor(() => {
      expect(within(results).getByRole('status')).toHaveTextContent('Znaleziono 1 procedurę.');
    });
    expect(within(results).queryByRole('link', { name: 'Zameldowanie na pobyt stały' })).not.toBeInTheDocument();
    // Typing is not a request per keystroke: only what was typed before a pause is asked for.
    const asked = api.requests
      .filter((request) => new URL(request.url).pathname === '/api/v1/procedures')
      .map((request) => new URL(request.url).searchParams.get('q'));
    expect(asked).toEqual([null, 'dowod osobisy']);

    await user.clear(screen.getByRole('searchbox', { name: 'Szukaj procedury' }));
    await user.type(screen.getByRole('searchbox', { name: 'Szukaj procedury' }), 'xyz');
    await waitFor(() => {
      expect(within(results).getByRole('status')).toHaveTextContent('Nie znaleziono procedur.');
    });
  });

  it('offers the topics that have procedures, with their counts', async () => {
    setUp();
    renderRoutes([{ path: '/procedures', element: <ProceduresPage /> }], '/procedures?topic=documents-and-residence');

    const nav = await screen.findByRole('navigation', { name: 'Tematy' });
    expect(within(nav).getByRole('link', { name: 'Dokumenty i meldunek' })).toHaveAttribute('aria-current', 'page');
    expect(nav).toHaveTextContent('(2 procedury)');
    expect(within(nav).queryByRole('link', { name: 'Zwierzęta' })).not.toBeInTheDocument();
  });
});
