import { defineConfig } from '@playwright/test';
import { BASE_URL } from './support/server';

// The server is started (with demo data) by scripts/e2e.sh before Playwright runs, so there is
// no webServer block. Browsers are never downloaded: the system Chromium is used.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // A real SMTP listener for the mail the server sends (KONTAKT_SMTP_URL of the server).
  globalSetup: './support/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
