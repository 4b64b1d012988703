/** The server under test (started with demo data by scripts/e2e.sh). */
export const BASE_URL = process.env.KONTAKT_E2E_URL ?? 'http://127.0.0.1:8080';
