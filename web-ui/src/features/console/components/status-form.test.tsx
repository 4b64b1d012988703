import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StaffIssue } from '@/lib/issues/staff';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, problemResponse, renderRoutes } from '@/testing/test-utils';
import { StatusForm } from './status-form';

const accepted: StaffIssue = {
  number: '2026/000042',
  category: { id: 'c1', slug: 'road-damage', name_pl: 'Uszkodzona nawierzchnia drogi', name_en: 'Road damage', kind: 'problem' },
  unit: { id: 'u1', slug: 'zarzad-drog-i-transportu', name: 'Zarząd Dróg i Transportu' },
  status: 'accepted',
  title: 'Dziura',
  description: 'Głęboka dziura.',
  field_values: {},
  photos: [],
  support_count: 0,
  created_at: '2026-11-23T10:00:00Z',
  updated_at: '2026-11-23T10:00:00Z',
  moderation: 'approved',
  channel: 'web',
  needs_pinpoint: false,
  original_title: 'Dziura',
  original_description: 'Głęboka dziura.',
  redacted: false,
  all_photos: [],
  has_contact: true,
  registered_reporter: false,
  allowed_next: ['in_progress', 'closed'],
  awaiting_dispatch: false,
  history: [],
  information_requests: [],
};

const TEMPLATES = 'GET /api/v1/staff/issues/2026-000042/response-templates';
const STATUS = 'POST /api/v1/staff/issues/2026-000042/status';

function renderForm(issue: StaffIssue = accepted) {
  renderRoutes([{ path: '/', element: <StatusForm issue={issue} /> }], '/');
  return userEvent.setup();
}

const nextStatus = () => screen.getByRole('combobox', { name: 'Nowy status' });
const justification = () => screen.getByRole('textbox', { name: /^Uzasadnienie \(publiczne\)/ });

describe('changing the status', () => {
  it('offers only the moves the issue allows now', () => {
    fakeApi({});
    renderForm();
    const options = Array.from((nextStatus() as HTMLSelectElement).options).map((option) => option.textContent);
    expect(options).toEqual(['Wybierz status', 'W realizacji', 'Zamknięte']);
  });

  it('asks for the public justification before sending, and a template fills it in', async () => {
    const text = 'Zgłoszenie 2026/000042 zostało skierowane do realizacji.';
    const api = fakeApi({
      [TEMPLATES]: () => jsonResponse([{ id: 't1', name: 'Skierowane do realizacji', status: 'in_progress', text }]),
      [STATUS]: () => jsonResponse({ ...accepted, status: 'in_progress', allowed_next: ['done', 'closed'] }),
    });
    const user = renderForm();

    await user.selectOptions(nextStatus(), 'in_progress');
    await user.click(screen.getByRole('button', { name: 'Zmień status' }));
    expect(justification()).toHaveFocus();
    expect(justification()).toHaveAccessibleDescription(expect.stringContaining('Napisz uzasadnienie'));
    expect(await api.bodies(STATUS)).toEqual([]);

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Szablon odpowiedzi' }), 'Skierowane do realizacji');
    await user.click(screen.getByRole('button', { name: 'Wstaw szablon' }));
    expect(justification()).toHaveValue(text);
    expect(justification()).toHaveFocus();
    await user.type(justification(), ' Dziękujemy.');
    await user.click(screen.getByRole('button', { name: 'Zmień status' }));

    expect(await screen.findByText('Status zmieniono na: W realizacji.')).toBeInTheDocument();
    expect(await api.bodies(STATUS)).toEqual([{ status: 'in_progress', message: `${text} Dziękujemy.`, close_reason: null }]);
  });

  it('needs a reason to close', async () => {
    const api = fakeApi({
      [TEMPLATES]: () => jsonResponse([]),
      [STATUS]: () => jsonResponse({ ...accepted, status: 'closed', allowed_next: [] }),
    });
    const user = renderForm();

    await user.selectOptions(nextStatus(), 'closed');
    await user.type(justification(), 'To nie jest droga miejska.');
    await user.click(screen.getByRole('button', { name: 'Zmień status' }));
    const reason = screen.getByRole('combobox', { name: 'Powód zamknięcia' });
    expect(reason).toHaveFocus();
    expect(reason).toHaveAccessibleDescription('Podaj powód zamknięcia.');

    await user.selectOptions(reason, 'outside_competence');
    await user.click(screen.getByRole('button', { name: 'Zmień status' }));
    expect(await api.bodies(STATUS)).toEqual([
      { status: 'closed', message: 'To nie jest droga miejska.', close_reason: 'outside_competence' },
    ]);
  });

  it('says when the move is no longer allowed', async () => {
    fakeApi({
      [TEMPLATES]: () => jsonResponse([]),
      [STATUS]: () =>
        problemResponse({
          type: 'urn:kontakt:problem:illegal_transition',
          title: 'Conflict',
          status: 409,
          code: 'illegal_transition',
          detail: 'An issue cannot move from done to in_progress; allowed: none.',
          errors: [],
        }),
      'GET /api/v1/staff/issues/2026-000042': () => jsonResponse({ ...accepted, status: 'done', allowed_next: [] }),
    });
    const user = renderForm();
    await user.selectOptions(nextStatus(), 'in_progress');
    await user.type(justification(), 'Start.');
    await user.click(screen.getByRole('button', { name: 'Zmień status' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ta zmiana statusu nie jest dozwolona.');
  });
});
