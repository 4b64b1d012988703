import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moved, newField, without, type FieldDraft } from '../utils/field-drafts';
import { FieldEditor, useFieldName } from './field-editor';

type FieldListEditorProps = {
  drafts: FieldDraft[];
  onChange: (drafts: FieldDraft[]) => void;
  error: (name: string) => string | undefined;
};

/**
 * The extra fields of a category, in form order. Fields move with buttons (no dragging), and
 * focus follows what was moved, added or removed; each change is announced.
 */
export function FieldListEditor({ drafts, onChange, error }: FieldListEditorProps) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const id = useId();
  const addId = `${id}-add`;
  const [announcement, setAnnouncement] = useState('');
  const pendingFocus = useRef<{ elementId: string; selector?: string | undefined }>(undefined);

  // Moved and new elements are in the document only after the change is rendered.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = undefined;
    const element = document.getElementById(target.elementId);
    const focusable = target.selector ? element?.querySelector<HTMLElement>(target.selector) : element;
    focusable?.focus();
  }, [drafts]);

  const focus = (elementId: string, selector?: string) => {
    pendingFocus.current = { elementId, selector };
  };
  const fieldId = (draft: FieldDraft) => `${id}-${draft.id}`;

  const move = (index: number, by: -1 | 1) => {
    const draft = drafts[index];
    if (!draft) return;
    const target = index + by;
    // Focus stays on the button just used, unless the field reached an end and it is disabled.
    const up = by < 0;
    const atEnd = up ? target === 0 : target === drafts.length - 1;
    focus(`${fieldId(draft)}-${up !== atEnd ? 'up' : 'down'}`);
    onChange(moved(drafts, index, by));
    setAnnouncement(
      t('admin.categories.fields.moved', { label: fieldName(draft), position: target + 1, total: drafts.length }),
    );
  };
  const remove = (index: number) => {
    const draft = drafts[index];
    if (!draft) return;
    focus(addId);
    onChange(without(drafts, index));
    setAnnouncement(t('admin.categories.fields.removed', { label: fieldName(draft) }));
  };
  const add = () => {
    const draft = newField();
    focus(fieldId(draft), 'input');
    onChange([...drafts, draft]);
    setAnnouncement(t('admin.categories.fields.added', { position: drafts.length + 1 }));
  };

  return (
    <>
      {drafts.length === 0 && <p>{t('admin.categories.fields.none')}</p>}
      {drafts.map((draft, index) => (
        <FieldEditor
          key={draft.id}
          id={fieldId(draft)}
          draft={draft}
          index={index}
          count={drafts.length}
          onChange={(next) => {
            onChange(drafts.map((item) => (item.id === draft.id ? next : item)));
          }}
          onMove={(by) => {
            move(index, by);
          }}
          onRemove={() => {
            remove(index);
          }}
          error={error}
          focus={focus}
        />
      ))}
      <button type="button" id={addId} className="secondary" onClick={add}>
        {t('admin.categories.fields.add')}
      </button>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </>
  );
}
