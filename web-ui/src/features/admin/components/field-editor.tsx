import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextField } from '@/components/form';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import { FIELD_TYPES, fieldPath, hasOptions, isFieldType, withType, type FieldDraft } from '../utils/field-drafts';
import { OptionListEditor } from './option-list-editor';

type FieldEditorProps = {
  /** The id of the field's group; its buttons' ids start with it. */
  id: string;
  draft: FieldDraft;
  index: number;
  count: number;
  onChange: (draft: FieldDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  error: (name: string) => string | undefined;
  focus: (elementId: string, selector?: string) => void;
};

/** What a field is called in the editor: its label in the reader's language, or "new field". */
export function useFieldName() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (draft: FieldDraft) =>
    inLanguage(language, draft.label_pl.trim(), draft.label_en.trim()) ||
    draft.label_pl.trim() ||
    draft.label_en.trim() ||
    t('admin.categories.fields.unnamed');
}

/** One extra field: its key, type, labels and help in both languages, and what its type needs. */
export function FieldEditor({ id, draft, index, count, onChange, onMove, onRemove, error, focus }: FieldEditorProps) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const position = index + 1;
  const at = (property: string) => error(fieldPath(index, property));
  const update = (change: Partial<FieldDraft>) => {
    onChange({ ...draft, ...change });
  };

  return (
    <fieldset id={id} className="field-editor">
      <legend>{t('admin.categories.fields.legend', { position, label: fieldName(draft) })}</legend>
      <TextField
        label={t('admin.categories.fields.key')}
        hint={t('admin.categories.fields.keyHint')}
        value={draft.key}
        onChange={(event) => {
          update({ key: event.target.value });
        }}
        error={at('key')}
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField
        label={t('admin.categories.fields.type')}
        value={draft.type}
        onChange={(event) => {
          if (isFieldType(event.target.value)) onChange(withType(draft, event.target.value));
        }}
        error={at('type')}
        options={FIELD_TYPES.map((type) => ({ value: type, label: t(`admin.categories.fields.types.${type}`) }))}
      />
      <TextField
        lang="pl"
        label={t('admin.categories.fields.labelPl')}
        value={draft.label_pl}
        onChange={(event) => {
          update({ label_pl: event.target.value });
        }}
        error={at('label_pl')}
        autoComplete="off"
      />
      <TextField
        lang="en"
        label={t('admin.categories.fields.labelEn')}
        value={draft.label_en}
        onChange={(event) => {
          update({ label_en: event.target.value });
        }}
        error={at('label_en')}
        autoComplete="off"
      />
      <TextField
        lang="pl"
        label={t('admin.categories.fields.helpPl')}
        value={draft.help_pl}
        onChange={(event) => {
          update({ help_pl: event.target.value });
        }}
        error={at('help_pl')}
        optional
        autoComplete="off"
      />
      <TextField
        lang="en"
        label={t('admin.categories.fields.helpEn')}
        value={draft.help_en}
        onChange={(event) => {
          update({ help_en: event.target.value });
        }}
        error={at('help_en')}
        optional
        autoComplete="off"
      />
      <CheckboxField
        label={t('admin.categories.fields.required')}
        checked={draft.required}
        onChange={(event) => {
          update({ required: event.target.checked });
        }}
        error={at('required')}
      />
      {hasOptions(draft.type) && (
        <OptionListEditor
          idPrefix={id}
          fieldIndex={index}
          options={draft.options}
          onChange={(options) => {
            update({ options });
          }}
          error={error}
          focus={focus}
        />
      )}
      {draft.type === 'number' && (
        <div className="field-editor__row">
          <TextField
            type="number"
            step="any"
            label={t('admin.categories.fields.min')}
            value={draft.min}
            onChange={(event) => {
              update({ min: event.target.value });
            }}
            error={at('min')}
            optional
          />
          <TextField
            type="number"
            step="any"
            label={t('admin.categories.fields.max')}
            value={draft.max}
            onChange={(event) => {
              update({ max: event.target.value });
            }}
            error={at('max')}
            optional
          />
        </div>
      )}
      {draft.type === 'text' && (
        <TextField
          type="number"
          min={1}
          step={1}
          label={t('admin.categories.fields.maxLength')}
          hint={t('admin.categories.fields.maxLengthHint')}
          value={draft.max_length}
          onChange={(event) => {
            update({ max_length: event.target.value });
          }}
          error={at('max_length')}
          optional
        />
      )}
      <div className="form__actions">
        <button
          type="button"
          id={`${id}-up`}
          className="secondary"
          disabled={index === 0}
          onClick={() => {
            onMove(-1);
          }}
          aria-label={t('admin.categories.fields.moveUpNamed', { position })}
        >
          {t('admin.categories.fields.moveUp')}
        </button>
        <button
          type="button"
          id={`${id}-down`}
          className="secondary"
          disabled={index === count - 1}
          onClick={() => {
            onMove(1);
          }}
          aria-label={t('admin.categories.fields.moveDownNamed', { position })}
        >
          {t('admin.categories.fields.moveDown')}
        </button>
        <button type="button" className="danger" onClick={onRemove} aria-label={t('admin.categories.fields.removeNamed', { position })}>
          {t('admin.categories.fields.remove')}
        </button>
      </div>
    </fieldset>
  );
}
