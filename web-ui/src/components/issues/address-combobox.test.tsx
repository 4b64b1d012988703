import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, renderRoutes } from '@/testing/test-utils';
import type { Place } from '@/lib/issues/places';
import { AddressCombobox } from './address-combobox';

const places: Place[] = [
  { label: 'Piotrkowska 104', lat: 51.7592, lon: 19.4576, source: 'street_register' },
  { label: 'Piotrkowska 104a', lat: 51.7594, lon: 19.4577, source: 'street_register' },
  { label: 'Plac Piotrkowski 104', lat: 51.7601, lon: 19.4588, source: 'geocoder' },
];

function Harness({ onSelect, onSubmit }: { onSelect: (place: Place) => void; onSubmit: () => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <AddressCombobox name="address" label="Adres" value={value} onInput={setValue} onSelect={(place) => {
        setValue(place.label);
        onSelect(place);
      }} />
      <button type="submit">Dalej</button>
    </form>
  );
}

function renderCombobox() {
  const api = fakeApi({ 'GET /api/v1/places': () => jsonResponse({ items: places }) });
  const onSelect = vi.fn<(place: Place) => void>();
  const onSubmit = vi.fn();
  renderRoutes([{ path: '/', element: <Harness onSelect={onSelect} onSubmit={onSubmit} /> }], '/');
  return { api, onSelect, onSubmit, user: userEvent.setup() };
}

describe('AddressCombobox', () => {
  it('suggests places for the typed address and announces how many', async () => {
    const { api, user } = renderCombobox();
    const input = screen.getByRole('combobox', { name: 'Adres' });
    expect(input).toHaveAttribute('aria-expanded', 'false');

    await user.type(input, 'Piotrkowska 104');

    const listbox = await screen.findByRole('listbox', { name: 'Adres' });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(places.map((place) => place.label));
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(input).toHaveAttribute('aria-controls', listbox.id);
    expect(screen.getByRole('status')).toHaveTextContent('3 podpowiedzi. Użyj strzałek, aby wybrać.');
    // Typing is debounced: the last text is what was looked up.
    const lookedUp = api.requests.map((request) => new URL(request.url).searchParams.get('q'));
    expect(lookedUp.at(-1)).toBe('Piotrkowska 104');
    expect(lookedUp.length).toBeLessThan(4);
  });

  it('moves through the suggestions with the arrow keys and chooses one with Enter, keeping focus in the field', async () => {
    const { onSelect, onSubmit, user } = renderCombobox();
    const input = screen.getByRole('combobox', { name: 'Adres' });
    await user.type(input, 'Piotrkowska');
    await screen.findByRole('listbox');

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}');

    const options = screen.getAllByRole('option');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(options[0]).toHaveAttribute('aria-selected', 'false');
    expect(input).toHaveAttribute('aria-activedescendant', options[1]?.id);
    expect(input).toHaveFocus();

    await user.keyboard('{Enter}');

    expect(onSelect).toHaveBeenCalledWith(places[1]);
    // Choosing a suggestion is not sending the form.
    expect(onSubmit).not.toHaveBeenCalled();
    expect(input).toHaveValue('Piotrkowska 104a');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).not.toHaveAttribute('aria-activedescendant');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();

    // With the list closed, Enter sends the form as in any text field.
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('closes the list with Escape without choosing', async () => {
    const { onSelect, onSubmit, user } = renderCombobox();
    const input = screen.getByRole('combobox', { name: 'Adres' });
    await user.type(input, 'Piotrkowska');
    await screen.findByRole('listbox');
    await user.keyboard('{ArrowDown}{Escape}');

    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(onSelect).not.toHaveBeenCalled();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(input).toHaveValue('Piotrkowska');

    // Down opens it again.
    await user.keyboard('{ArrowDown}');
    await waitFor(() => {
      expect(input).toHaveAttribute('aria-expanded', 'true');
    });
  });

  it('chooses a suggestion with the mouse too', async () => {
    const { onSelect, user } = renderCombobox();
    await user.type(screen.getByRole('combobox', { name: 'Adres' }), 'Plac');
    await user.click(await screen.findByRole('option', { name: 'Plac Piotrkowski 104' }));
    expect(onSelect).toHaveBeenCalledWith(places[2]);
  });
});
