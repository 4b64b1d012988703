import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { DEFAULT_LANGUAGE } from '@/config/languages';
import { sessionStore } from '@/lib/auth';
import { resetRestore } from '@/lib/auth/refresh';
import { i18n } from '@/lib/i18n';

beforeEach(async () => {
  window.localStorage.clear();
  sessionStore.reset();
  resetRestore();
  await i18n.changeLanguage(DEFAULT_LANGUAGE);
});

afterEach(() => {
  cleanup();
});
