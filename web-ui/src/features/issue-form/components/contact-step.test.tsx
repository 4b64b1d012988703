import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '@/testing/test-utils';
import { EMPTY_DRAFT, type Contact } from '../utils/draft';
import { ContactStep } from './contact-step';

function renderContact() {
  const onNext = vi.fn<(contact: Contact) => void>();
  renderRoutes(
    [
      {
        path: '/',
        element: (
          <ContactStep
            contact={EMPTY_DRAFT.contact}
            loggedIn={false}
            position={{ index: 4, count: 6, focus: false }}
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

const consent = () => screen.getByRole('checkbox', { name: /^Zgadzam się na przetwarzanie/ });

describe('contact data and consent', () => {
  it('needs nothing: personal data is never required', async () => {
    const { onNext, user } = renderContact();
    await user.click(screen.getByRole('button', { name: 'Dalej' }));
    expect(onNext).toHaveBeenCalledWith({ name: '', email: '', phone: '', consent: false });
  });

  it('does not go on with an email address given without consent', async () => {
    const { onNext, user } = renderContact();

    await user.type(screen.getByLabelText(/^Adres e-mail/), 'anna@example.org');
    await user.click(screen.getByRole('button', { name: 'Dalej' }));

    expect(onNext).not.toHaveBeenCalled();
    expect(consent()).toHaveFocus();
    expect(consent()).toHaveAttribute('aria-invalid', 'true');
    expect(consent()).toHaveAccessibleDescription(expect.stringContaining('zaznacz zgodę na ich przetwarzanie'));

    await user.click(consent());
    await user.click(screen.getByRole('button', { name: 'Dalej' }));

    expect(onNext).toHaveBeenCalledWith({ name: '', email: 'anna@example.org', phone: '', consent: true });
  });

  it('asks for consent for a phone number or a name alone too', async () => {
    const { onNext, user } = renderContact();
    await user.type(screen.getByLabelText(/^Telefon/), '+48 600 100 200');
    await user.click(screen.getByRole('button', { name: 'Dalej' }));
    expect(onNext).not.toHaveBeenCalled();
    expect(consent()).toHaveAttribute('aria-invalid', 'true');
  });

  it('catches an address without @ before sending', async () => {
    const { onNext, user } = renderContact();
    await user.type(screen.getByLabelText(/^Adres e-mail/), 'anna.example.org');
    await user.click(consent());
    await user.click(screen.getByRole('button', { name: 'Dalej' }));
    expect(onNext).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^Adres e-mail/)).toHaveAccessibleDescription(/To nie jest poprawny adres e-mail/);
  });
});
