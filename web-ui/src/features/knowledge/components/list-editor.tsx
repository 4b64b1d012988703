import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inputId } from '../utils/editor-state';
import { moved, replaced, without, type Row } from '../utils/rows';

type ListEditorProps<T extends object> = {
  /** The API's path of the list ("content.fields.steps"): the group's id and errors. */
  path: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  items: readonly Row<T>[];
  onChange: (items: Row<T>[]) => void;
  /** The positions of the items change (added, removed, moved): errors shown by position are stale. */
  onReorder?: (path: string) => void;
  newItem: () => Row<T>;
  /** The inputs of one item; `path` is the item's ("content.fields.steps[2]"). */
  renderItem: (item: Row<T>, update: (item: Row<T>) => void, path: string, position: number) => ReactNode;
};

const FOCUSABLE = 'input, textarea, select';

/**
 * An editable list: items with their inputs, and buttons to add one, remove one, or move one
 * up or down (the keyboard's way to reorder). Focus follows: to a new item's first input, to
 * a moved item's button, and to the add button after a removal.
 */
export function ListEditor<T extends object>({
  path,
  legend,
  hint,
  error,
  items,
  onChange,
  onReorder,
  newItem,
  renderItem,
}: ListEditorProps<T>) {
  const { t } = useTranslation();
  const id = inputId(path);
  const [focusTarget, setFocusTarget] = useState<{ id: string; selector?: string } | undefined>();

  useEffect(() => {
    if (!focusTarget) return;
    const element = document.getElementById(focusTarget.id);
    const target = focusTarget.selector ? element?.querySelector<HTMLElement>(focusTarget.selector) : element;
    target?.focus();
  }, [focusTarget]);

  const rowId = (item: Row<T>) => `${id}-${item.key}`;
  const itemName = (position: number) => t('knowledge.editor.linesFor', { list: legend, position });
  const restructure = (next: Row<T>[]) => {
    onReorder?.(path);
    onChange(next);
  };
  const add = () => {
    const item = newItem();
    setFocusTarget({ id: rowId(item), selector: FOCUSABLE });
    restructure([...items, item]);
  };
  const remove = (index: number) => {
    setFocusTarget({ id: `${id}-add` });
    restructure(without(items, index));
  };
  const move = (index: number, by: -1 | 1) => {
    const item = items[index];
    if (!item) return;
    const to = index + by;
    // At either end the button pressed is disabled: the other one keeps the focus.
    const atEnd = to === 0 || to === items.length - 1;
    const button = atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    setFocusTarget({ id: `${rowId(item)}-${items.length > 1 ? button : 'remove'}` });
    restructure(moved(items, index, to));
  };

  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      id={id}
      className={error ? 'list-editor field--invalid' : 'list-editor'}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="list-editor__empty">{t('knowledge.editor.emptyList')}</p>
      ) : (
        <ol className="list-editor__items">
          {items.map((item, index) => {
            const position = index + 1;
            const name = itemName(position);
            return (
              <li key={item.key} id={rowId(item)} className="list-editor__item">
                {renderItem(
                  item,
                  (changed) => {
                    onChange(replaced(items, index, changed));
                  },
                  `${path}[${String(index)}]`,
                  position,
                )}
                <div className="list-editor__tools">
                  <button
                    type="button"
                    id={`${rowId(item)}-up`}
                    className="secondary"
                    aria-label={t('knowledge.editor.moveUpNamed', { item: name })}
                    disabled={index === 0}
                    onClick={() => {
                      move(index, -1);
                    }}
                  >
                    {t('knowledge.editor.moveUp')}
                  </button>
                  <button
                    type="button"
                    id={`${rowId(item)}-down`}
                    className="secondary"
                    aria-label={t('knowledge.editor.moveDownNamed', { item: name })}
                    disabled={index === items.length - 1}
                    onClick={() => {
                      move(index, 1);
                    }}
                  >
                    {t('knowledge.editor.moveDown')}
                  </button>
                  <button
                    type="button"
                    id={`${rowId(item)}-remove`}
                    className="secondary"
                    aria-label={t('knowledge.editor.removeNamed', { item: name })}
                    onClick={() => {
                      remove(index);
                    }}
                  >
                    {t('knowledge.editor.remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        id={`${id}-add`}
        className="secondary"
        aria-label={t('knowledge.editor.addNamed', { list: legend })}
        onClick={add}
      >
        {t('knowledge.editor.add')}
      </button>
    </fieldset>
  );
}
