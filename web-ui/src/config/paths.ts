/** Client-side routes: one place to build links, so a renamed path cannot leave dead links behind. */
export const paths = {
  map: '/',
  report: '/report',
  procedures: '/procedures',
  procedure: (id: string) => `/procedures/${encodeURIComponent(id)}`,
  units: '/units',
  login: '/login',
} as const;
