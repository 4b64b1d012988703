import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '@/testing/test-utils';
import { roadDamage } from '@/testing/issue-fixtures';
import { DetailsStep, type Details } from './details-step';

const empty: Details = { title: '', description: '', fieldValues: {} };

function renderDetails(details: Details = empty) {
  const onNext = vi.fn<(details: Details) => void>();
  renderRoutes(
    [
      {
        path: '/',
        element: (
          <DetailsStep
            category={roadDamage}
            details={details}
            position={{ index: 2, count: 6, focus: false }}
            serverError={undefined}
            onNext={onNext}
            onBack={vi.fn()}
          />
        ),
      },
    ],
    '/',
  );
  return { onNext, user: userEvent.setup() };
}

async function fillInRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Tytuł'), 'Dziura w jezdni');
  await user.type(screen.getByLabelText('Opis problemu'), 'Głęboka dziura przy przejściu.');
  await user.selectOptions(screen.getByLabelText('Gdzie'), 'Jezdnia');
  await user.click(within(screen.getByRole('radiogroup', { name: 'Blokuje przejazd' })).getByRole('radio', { name: 'Nie' }));
}

describe('the extra fields of a category', () => {
  it('renders each field by its type, in order, marking the optional ones', () => {
    renderDetails();

    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Krok 3 z 6: Opis');
    const surface = screen.getByRole('combobox', { name: 'Gdzie' });
    expect(surface).toBeRequired();
    expect(within(surface).getAllByRole('option').map((option) => option.textContent)).toEqual(['Wybierz…', 'Jezdnia', 'Chodnik']);

    const size = screen.getByRole('spinbutton', { name: 'Przybliżona średnica (cm) (nieobowiązkowe)' });
    expect(size).toHaveAttribute('min', '1');
    expect(size).toHaveAttribute('max', '1000');
    expect(size).toHaveAccessibleDescription('Od 1 do 1000.');

    expect(screen.getByRole('checkbox', { name: 'Stwarza zagrożenie dla ruchu' })).not.toBeChecked();
    // A required yes/no is a pair of radio buttons: an unticked box would say "no" for the resident.
    const blocking = screen.getByRole('radiogroup', { name: 'Blokuje przejazd' });
    expect(blocking).toHaveAttribute('aria-required', 'true');
    expect(within(blocking).getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['true', 'false']);

    const causes = screen.getByRole('group', { name: 'Przyczyny (nieobowiązkowe)' });
    expect(within(causes).getAllByRole('checkbox').map((box) => box.getAttribute('value'))).toEqual(['frost', 'works']);
    expect(screen.getByLabelText(/^Od kiedy/)).toHaveAttribute('type', 'date');
    const note = screen.getByRole('textbox', { name: 'Uwagi (nieobowiązkowe)' });
    expect(note).toHaveAttribute('maxlength', '10');
    expect(note).toHaveAccessibleDescription('Na przykład numer słupka.');
  });

  it('checks required fields and number bounds before going on, and focuses the first wrong field', async () => {
    const { onNext, user } = renderDetails();

    await user.type(screen.getByLabelText(/^Przybliżona średnica/), '1001');
    await user.click(screen.getByRole('button', { name: 'Dalej' }));

    expect(onNext).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Tytuł')).toHaveFocus();
    expect(screen.getByLabelText('Tytuł')).toHaveAccessibleDescription(/To pole jest wymagane/);
    expect(screen.getByLabelText('Gdzie')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Gdzie')).toHaveAccessibleDescription('To pole jest wymagane.');
    expect(screen.getByLabelText(/^Przybliżona średnica/)).toHaveAccessibleDescription(
      'Od 1 do 1000. Wartość może wynosić najwyżej 1000.',
    );
    expect(screen.getByRole('radiogroup', { name: 'Blokuje przejazd' })).toHaveAccessibleDescription('To pole jest wymagane.');
    expect(screen.getByRole('alert')).toHaveTextContent('Popraw zaznaczone pola');
  });

  it('goes on with typed values once everything is right', async () => {
    const { onNext, user } = renderDetails();

    await fillInRequired(user);
    await user.type(screen.getByLabelText(/^Przybliżona średnica/), '40');
    await user.click(screen.getByRole('checkbox', { name: 'Stwarza zagrożenie dla ruchu' }));
    await user.click(screen.getByRole('checkbox', { name: 'Mróz' }));
    await user.click(screen.getByRole('button', { name: 'Dalej' }));

    expect(onNext).toHaveBeenCalledWith({
      title: 'Dziura w jezdni',
      description: 'Głęboka dziura przy przejściu.',
      fieldValues: { surface: 'road', size_cm: 40, dangerous: true, blocking: false, causes: ['frost'] },
    });
  });

  it('shows the answers given before when the resident comes back', () => {
    renderDetails({
      title: 'Dziura',
      description: 'Opis',
      fieldValues: { surface: 'pavement', size_cm: 12, blocking: true, causes: ['works'] },
    });

    expect(screen.getByLabelText('Gdzie')).toHaveValue('pavement');
    expect(screen.getByLabelText(/^Przybliżona średnica/)).toHaveValue(12);
    expect(screen.getByRole('radio', { name: 'Tak' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Roboty drogowe' })).toBeChecked();
  });
});
