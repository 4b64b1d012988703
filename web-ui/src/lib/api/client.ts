import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The typed client for the Kontakt API, which is served from the same origin as this app.
 *
 * The base URL is the page's own origin rather than '' because openapi-fetch builds a `Request`
 * before fetching, and outside a browser document (tests) a relative URL cannot be parsed.
 * `fetch` is looked up on each call so that anything replacing it later (tests) is honoured.
 */
export const apiClient = createClient<paths>({
  baseUrl: window.location.origin,
  fetch: (request) => globalThis.fetch(request),
});
