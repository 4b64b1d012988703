import { describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '@/config/languages';
import { i18n } from '.';

describe('i18n', () => {
  it('keeps <html lang> and the stored choice in step with the language', async () => {
    await i18n.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('reports a key that has no translation', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // @ts-expect-error -- the point is a key that the resources lack
    i18n.t('no.such.key');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('no.such.key'));
  });
});
