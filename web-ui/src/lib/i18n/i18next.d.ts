import 'i18next';
import type { resources } from './resources';

// Type-checks every `t('…')` key against the Polish (default) resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['pl'];
  }
}
