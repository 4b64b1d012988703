import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@/lib/issues/types';
import { fakeApi } from '@/testing/fake-api';
import { roadDamage } from '@/testing/issue-fixtures';
import { jsonResponse, renderRoutes } from '@/testing/test-utils';
import { IssueTimeline } from './issue-timeline';

/** An entry as the API sends it (the schema leaves `after` a free-form object). */
function entry(kind: string, after: Record<string, unknown> | null, message: string | null = null): TimelineEntry {
  return { kind, after: after as TimelineEntry['after'], message, created_at: '2026-11-23T10:00:00Z' };
}

const entries: TimelineEntry[] = [
  entry('created', { status: 'new', channel: 'web' }),
  entry('response', null, 'Dziękujemy za zgłoszenie.'),
  entry('transferred', { unit: 'zarzad-drog-i-transportu', unit_name: 'Zarząd Dróg i Transportu' }),
  entry('category_changed', { category: 'road-damage', category_name: 'Dziury w jezdni' }),
  entry('status_changed', { status: 'in_progress', close_reason: null }, 'Zlecono wykonawcy.'),
  entry('status_changed', { status: 'closed', close_reason: 'duplicate' }, 'To samo co 2026/000007.'),
  entry('merged', { into: '2026/000007' }),
  entry('duplicate_merged', { from: '2026/000009' }),
  entry('app_update', { app_name: 'Łódź w kieszeni', reported_status: 'done', open311_status: 'FIXED' }, 'Już załatane.'),
];

describe('the public timeline', () => {
  it('says what each kind of entry means, with the city’s words under it', async () => {
    fakeApi({ 'GET /api/v1/categories': () => jsonResponse({ items: [roadDamage] }) });
    renderRoutes([{ path: '/', element: <IssueTimeline entries={entries} /> }], '/');
    // The category is named as it is now, in the reader's language, once the categories are known.
    expect(await screen.findByText('Zmieniono kategorię na: Uszkodzona nawierzchnia drogi')).toBeInTheDocument();
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => within(item).getAllByRole('paragraph')[1]?.textContent)).toEqual([
      'Zgłoszenie zostało przyjęte do systemu.',
      'Odpowiedź urzędu',
      'Zgłoszenie przekazano do jednostki: Zarząd Dróg i Transportu',
      'Zmieniono kategorię na: Uszkodzona nawierzchnia drogi',
      'Zmiana statusu na: W realizacji',
      'Zmiana statusu na: Zamknięte (powód: duplikat innego zgłoszenia)',
      'Zgłoszenie połączono ze zgłoszeniem 2026/000007, które dotyczy tego samego problemu. Zobacz zgłoszenie 2026/000007',
      'Dołączono zgłoszenie 2026/000009 dotyczące tego samego problemu. Zobacz zgłoszenie 2026/000009',
      'Informacja z aplikacji Łódź w kieszeni (jej użytkownik zgłasza: Załatwione).',
    ]);
    expect(within(items[4] as HTMLElement).getByText('Zlecono wykonawcy.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Zobacz zgłoszenie 2026/000007' })).toHaveAttribute('href', '/issues/2026-000007');
  });
});
