/** A list item as an editor holds it: with a local key that follows it when it moves (React keys, focus). */
export type Row<T> = T & { key: string };

let lastKey = 0;

/** A key no other row of this page has. */
export function rowKey(): string {
  lastKey += 1;
  return `row-${String(lastKey)}`;
}

export function withKey<T extends object>(item: T): Row<T> {
  return { ...item, key: rowKey() };
}

/** The item without its local key, as the API takes it. */
export function withoutKey<T extends object>(row: Row<T>): T {
  const item: Partial<Row<T>> = { ...row };
  Reflect.deleteProperty(item, 'key');
  return item as T;
}

/** The list with the item at `from` moved to `to` (both within the list). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

export function without<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, position) => position !== index);
}

export function replaced<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, position) => (position === index ? item : current));
}
