/**
 * Where to go after logging in: the `next` address when it is a path of this app, else
 * `fallback`. Anything that could leave the site (`//host`, `https:`, `/\host`) is refused.
 */
export function safeNextPath(next: string | null, fallback: string): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  return next;
}

/** The login address that brings the person back to `path` afterwards. */
export function loginPathFor(loginPath: string, path: string): string {
  return `${loginPath}?${new URLSearchParams({ next: path }).toString()}`;
}
