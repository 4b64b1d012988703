import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, problemResponse, renderRoutes } from '@/testing/test-utils';
import type { ProcedureContent } from '../api/types';
import { emptyContent, toEditorState } from '../utils/editor-state';
import { ProcedureEditor, type EditorPayload } from './procedure-editor';

const empty = emptyContent();
const content: ProcedureContent = {
  ...empty,
  fields: {
    ...empty.fields,
    name: 'Wydanie zaświadczenia o zameldowaniu',
    steps: [
      { name: 'Złóż wniosek', comment: 'online', electronic: true },
      { name: 'Odbierz zaświadczenie', comment: null, electronic: false },
    ],
    fees: { kind: 'items', items: [{ kind: 'Opłata skarbowa', amount_grosze: 1700, account: '90 1030 1508 0000 0005 5001 9877', remarks: '' }] },
  },
};

function renderEditor(onSave: (payload: EditorPayload) => Promise<unknown>) {
  fakeApi({
    'GET /api/v1/procedure-topics': () => jsonResponse([]),
    'GET /api/v1/staff/procedures': () => jsonResponse({ items: [], total: 0, page: 1, per_page: 100 }),
  });
  const initial = toEditorState(content, '', 'pl');
  return renderRoutes(
    [{ path: '/', element: <ProcedureEditor initial={initial} attachments={[]} onSave={onSave} /> }],
    '/',
  );
}

const stepName = (position: number) =>
  screen.getByLabelText(`Najważniejsze etapy realizacji procedury — pozycja ${String(position)} — nazwa`);

describe('ProcedureEditor', () => {
  it('counts characters as one types and announces going over the limit once', async () => {
    const user = userEvent.setup();
    renderEditor(() => Promise.resolve());

    const name = stepName(1);
    expect(screen.getByText('12 z 40 znaków')).toBeInTheDocument();
    await user.type(name, ' i zapłać opłatę skarbową w kasie');
    expect(screen.getByText('45 z 40 znaków Za długie o 5 znaków.')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('45 z 40 znaków Za długie o 5 znaków.');
    expect(
      screen.getByText('Najważniejsze etapy realizacji procedury — pozycja 1 — nazwa: przekroczono limit 40 znaków.'),
    ).toHaveAttribute('role', 'status');
  });

  it('sends the fee typed in złoty as grosze, and refuses an amount that is not one', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn<(payload: EditorPayload) => Promise<void>>(() => Promise.resolve());
    renderEditor(onSave);

    const amount = screen.getByLabelText('Opłaty — pozycja 1 — kwota');
    expect(amount).toHaveValue('17,00');
    await user.clear(amount);
    await user.type(amount, '21 zł 50');
    await user.click(screen.getByRole('button', { name: 'Zapisz wersję roboczą' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(amount).toHaveAccessibleDescription('W złotych, np. 20,00. Podaj kwotę w złotych, np. 20,00.');
    expect(screen.getByRole('alert')).toHaveFocus();

    await user.clear(amount);
    await user.type(amount, '21,50');
    await user.click(screen.getByRole('button', { name: 'Zapisz wersję roboczą' }));
    const fees = onSave.mock.calls[0]?.[0].content.fields.fees;
    expect(fees).toEqual({ kind: 'items', items: [expect.objectContaining({ amount_grosze: 2150 })] });
    expect(await screen.findByText('Zapisano wersję roboczą.')).toBeInTheDocument();
  });

  it('shows the API’s errors at their inputs, listed with links above the form', async () => {
    const user = userEvent.setup();
    const response = problemResponse({
      type: 'urn:kontakt:problem:validation_failed',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'Some fields are wrong.',
      code: 'validation_failed',
      errors: [
        { field: 'content.fields.steps[1].name', code: 'too_long', message: 'At most 40.' },
        { field: 'content.internal.owner', code: 'required', message: 'Required.' },
      ],
    });
    const error = new ApiError(response, await response.clone().json());
    renderEditor(() => Promise.reject(error));

    await user.click(screen.getByRole('button', { name: 'Zapisz wersję roboczą' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => {
      expect(summary).toHaveFocus();
    });
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Najważniejsze etapy realizacji procedury — pozycja 2 — nazwa: Ten tekst jest za długi.',
      'Właściciel procedury: To pole jest wymagane.',
    ]);
    expect(stepName(2)).toHaveAttribute('aria-invalid', 'true');
    expect(stepName(2)).toHaveAccessibleDescription(/Ten tekst jest za długi\./);
    await user.click(links[0] as HTMLElement);
    expect(stepName(2)).toHaveFocus();
  });

  it('moves a step with the keyboard, keeping the focus on it', async () => {
    const user = userEvent.setup();
    renderEditor(() => Promise.resolve());

    const down = screen.getByRole('button', { name: 'W dół: Najważniejsze etapy realizacji procedury — pozycja 1' });
    down.focus();
    await user.keyboard('{Enter}');

    expect(stepName(1)).toHaveValue('Odbierz zaświadczenie');
    expect(stepName(2)).toHaveValue('Złóż wniosek');
    // The step is last now: its "down" button is disabled, so "up" has the focus.
    expect(screen.getByRole('button', { name: 'W górę: Najważniejsze etapy realizacji procedury — pozycja 2' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Dodaj: Najważniejsze etapy realizacji procedury' }));
    expect(stepName(3)).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Usuń: Najważniejsze etapy realizacji procedury — pozycja 3' }));
    expect(screen.getByRole('button', { name: 'Dodaj: Najważniejsze etapy realizacji procedury' })).toHaveFocus();
  });
});
