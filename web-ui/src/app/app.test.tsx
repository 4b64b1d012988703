import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '@/config/languages';
import { renderRoutes } from '@/testing/test-utils';
import { routes } from './router';

describe('app shell', () => {
  it('renders in Polish by default with the current page marked in the navigation', () => {
    renderRoutes(routes, '/procedures');

    expect(document.documentElement.lang).toBe('pl');
    const nav = screen.getByRole('navigation', { name: 'Menu główne' });
    expect(within(nav).getByRole('link', { name: 'Procedury' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Mapa' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('heading', { level: 1, name: 'Procedury' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Przejdź do treści' })).toHaveAttribute('href', '#main-content');
  });

  it('switches the language with the language switcher', async () => {
    const user = userEvent.setup();
    renderRoutes(routes, '/procedures');

    await user.selectOptions(screen.getByLabelText('Język'), 'en');

    const nav = screen.getByRole('navigation', { name: 'Main menu' });
    expect(within(nav).getByRole('link', { name: 'Report a problem' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Procedures' })).toBeInTheDocument();
    expect(screen.getByLabelText('Language')).toHaveValue('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Procedures – Kontakt');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('shows a not-found page for an unknown address', () => {
    renderRoutes(routes, '/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: 'Nie znaleziono strony' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Przejdź do strony głównej' })).toHaveAttribute('href', '/');
  });

  it('moves focus to the main content after navigating', async () => {
    const user = userEvent.setup();
    renderRoutes(routes, '/procedures');

    await user.click(screen.getByRole('link', { name: 'Jednostki' }));

    expect(screen.getByRole('main')).toHaveFocus();
  });
});
