import { vi } from 'vitest';

type Handler = (request: Request) => Response | Promise<Response>;

/**
 * Stubs `fetch` with a fake API: `routes` maps `METHOD /path` to a handler (a list of handlers
 * answers successive calls). Every request is recorded; an unexpected one fails the test.
 */
export function fakeApi(routes: Record<string, Handler | Handler[]>) {
  const requests: Request[] = [];
  const calls = new Map<string, number>();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input as Request;
      requests.push(request.clone());
      const key = `${request.method} ${new URL(request.url).pathname}`;
      const route = routes[key];
      const count = calls.get(key) ?? 0;
      calls.set(key, count + 1);
      const handler = Array.isArray(route) ? route[Math.min(count, route.length - 1)] : route;
      if (!handler) throw new Error(`unexpected request: ${key}`);
      return handler(request);
    }),
  );
  return {
    requests,
    /** The JSON bodies sent to `METHOD /path`, in order. */
    async bodies(key: string): Promise<unknown[]> {
      const matching = requests.filter((request) => `${request.method} ${new URL(request.url).pathname}` === key);
      return Promise.all(matching.map((request) => request.clone().json() as Promise<unknown>));
    },
  };
}
