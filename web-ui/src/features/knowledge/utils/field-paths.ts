import type { TFunction } from 'i18next';
import { resources } from '@/lib/i18n/resources';

/** One step of a field path: `steps[2]` is `{ name: 'steps', index: 2 }`. */
export type PathSegment = { name: string; index?: number };

/** "content.fields.steps[0].name" → fields, steps[0], name (the request's `content.` dropped). */
export function parsePath(path: string): PathSegment[] {
  return path
    .replace(/^content\./, '')
    .split('.')
    .filter((part) => part !== '')
    .flatMap((part) => {
      const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
      if (!match) return [{ name: part }];
      const [, name = '', indexes = ''] = match;
      const numbers = [...indexes.matchAll(/\[(\d+)\]/g)].map((found) => Number(found[1]));
      if (numbers.length === 0) return [{ name }];
      return numbers.map((index, position) => (position === 0 ? { name, index } : { name: '', index }));
    });
}

/** The path one level up: "a.b[1].c" → "a.b[1]" → "a.b" → "a" → "". */
export function parentPath(path: string): string {
  if (path.endsWith(']')) return path.replace(/\[\d+\]$/, '');
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(0, dot);
}

type FieldKey = keyof (typeof resources)['pl']['translation']['knowledge']['field'];
type PartKey = keyof (typeof resources)['pl']['translation']['knowledge']['part'];

const isFieldKey = (key: string): key is FieldKey => Object.hasOwn(resources.pl.translation.knowledge.field, key);
const isPartKey = (key: string): key is PartKey => Object.hasOwn(resources.pl.translation.knowledge.part, key);

/**
 * A field path in words, for a reviewer or an editor: "fields.fees.items[0]" →
 * "Opłaty — pozycja 1", "content.fields.steps[2].name" → "Etapy realizacji — pozycja 3 — nazwa".
 * The groups of the description (fields, internal, documents, the fees' items) are not named.
 */
export function pathLabel(path: string, t: TFunction): string {
  const segments = parsePath(path);
  const [root, ...rest] = segments;
  // "fields.…" and "internal.…" name their field next; request fields (change_note) are roots.
  const named = root && (root.name === 'fields' || root.name === 'internal') && root.index === undefined ? rest : segments;
  const words: string[] = [];
  let field = true;
  named.forEach((segment, position) => {
    const previous = named[position - 1];
    const grouping =
      (position === 0 && segment.name === 'documents' && segment.index === undefined) ||
      (previous?.name === 'fees' && segment.name === 'items');
    if (segment.name !== '' && !grouping) {
      if (field) {
        words.push(isFieldKey(segment.name) ? t(`knowledge.field.${segment.name}`) : segment.name);
        field = false;
      } else {
        words.push(isPartKey(segment.name) ? t(`knowledge.part.${segment.name}`) : segment.name);
      }
    }
    if (segment.index !== undefined) {
      words.push(t('knowledge.path.item', { position: segment.index + 1 }));
    }
  });
  return words.join(' — ');
}

/** An error of the API put on the closest input the form has for its path (or none). */
export function errorTarget(path: string, has: (path: string) => boolean): string | undefined {
  for (let current = path; current !== ''; current = parentPath(current)) {
    if (has(current)) return current;
  }
  return undefined;
}
