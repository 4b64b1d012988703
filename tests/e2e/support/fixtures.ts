import { test as base, expect, type Page } from '@playwright/test';
import { BASE_URL } from './server';

/** Something that went wrong in the page while a test ran. */
export type PageProblem = { kind: 'console' | 'pageerror' | 'requestfailed' | 'http'; text: string };

export class PageProblems {
  private readonly problems: PageProblem[] = [];
  private readonly allowed: ((problem: PageProblem) => boolean)[] = [];

  constructor(page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const { url, lineNumber } = message.location();
        this.add('console', `${message.text()} (${url}:${String(lineNumber)})`);
      }
    });
    page.on('pageerror', (error) => {
      this.add('pageerror', error.stack ?? error.message);
    });
    page.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText ?? 'unknown error';
      // A request cancelled by the app or by leaving the page is not a failure of the server.
      if (failure !== 'net::ERR_ABORTED') {
        this.add('requestfailed', `${request.method()} ${request.url()}: ${failure}`);
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 400) {
        this.add('http', `${response.request().method()} ${response.url()}: ${String(response.status())}`);
      }
    });
  }

  /** Lets a test expect a problem it provokes on purpose (e.g. a 404 from the API). */
  allow(predicate: (problem: PageProblem) => boolean): void {
    this.allowed.push(predicate);
  }

  unexpected(): PageProblem[] {
    return this.problems.filter((problem) => !this.allowed.some((allow) => allow(problem)));
  }

  private add(kind: PageProblem['kind'], text: string): void {
    this.problems.push({ kind, text });
  }
}

/**
 * The host the map's background tiles come from (the server's configured XYZ source). The test
 * machine has no internet, so these tiles never load: the map must work without them (R11.5),
 * and their failed requests are the one expected problem.
 */
async function tileHost(): Promise<string | undefined> {
  const response = await fetch(`${BASE_URL}/api/v1/city`);
  if (!response.ok) return undefined;
  const city = (await response.json()) as { map?: { tile_url?: string } };
  const template = city.map?.tile_url;
  if (!template) return undefined;
  // `{s}.tile.example.org` templates: any subdomain.
  return new URL(template.replace(/\{[a-z]\}/g, 'x')).host.replace(/^x\./, '');
}

/**
 * `test` for every spec: fails any test during which the page logged a console error, threw,
 * or had a request fail or answered with 4xx/5xx — unless the test allowed it. Failures of map
 * tiles from the (unreachable) tile server are allowed everywhere.
 */
export const test = base.extend<{ pageProblems: PageProblems }, { tiles: string | undefined }>({
  tiles: [
    async ({}, use) => {
      await use(await tileHost());
    },
    { scope: 'worker' },
  ],
  pageProblems: [
    async ({ page, tiles }, use) => {
      const problems = new PageProblems(page);
      if (tiles) {
        const host = tiles;
        problems.allow(
          (problem) =>
            (problem.kind === 'requestfailed' || problem.kind === 'console') &&
            new RegExp(`https?://([a-z0-9-]+\\.)?${host.replace(/\./g, '\\.')}/`).test(problem.text),
        );
      }
      await use(problems);
      expect(problems.unexpected(), 'console errors, page errors or failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
