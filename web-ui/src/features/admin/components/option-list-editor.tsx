import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form';
import { changed, fieldPath, newOption, optionPath, without, type OptionDraft } from '../utils/field-drafts';

type OptionListEditorProps = {
  /** The prefix of element ids, so focus can be moved to a row or the add button. */
  idPrefix: string;
  fieldIndex: number;
  options: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
  error: (name: string) => string | undefined;
  focus: (elementId: string, selector?: string) => void;
};

/** The choices of a select field: a value stored in issues, and what residents read in each language. */
export function OptionListEditor({ idPrefix, fieldIndex, options, onChange, error, focus }: OptionListEditorProps) {
  const { t } = useTranslation();
  const addId = `${idPrefix}-add-option`;
  const groupError = error(fieldPath(fieldIndex, 'options'));
  const hintId = `${idPrefix}-options-hint`;
  const errorId = `${idPrefix}-options-error`;

  const add = () => {
    const option = newOption();
    focus(`${idPrefix}-${option.id}`, 'input');
    onChange([...options, option]);
  };
  const remove = (index: number) => {
    focus(addId);
    onChange(without(options, index));
  };

  return (
    // A missing option is the group's fault: the group then takes the focus after a failed save.
    <fieldset
      className={groupError ? 'option-list field--invalid' : 'option-list'}
      aria-describedby={[hintId, groupError ? errorId : undefined].filter(Boolean).join(' ')}
      aria-invalid={groupError ? true : undefined}
      tabIndex={groupError ? -1 : undefined}
    >
      <legend>{t('admin.categories.fields.options')}</legend>
      <p id={hintId} className="field__hint">
        {t('admin.categories.fields.optionsHint')}
      </p>
      {groupError && (
        <p id={errorId} className="field__error">
          {groupError}
        </p>
      )}
      {options.map((option, index) => {
        const position = index + 1;
        const update = (change: Partial<OptionDraft>) => {
          onChange(changed(options, index, change));
        };
        return (
          <div key={option.id} id={`${idPrefix}-${option.id}`} className="option-row">
            <TextField
              label={t('admin.categories.fields.optionValue', { position })}
              value={option.value}
              onChange={(event) => {
                update({ value: event.target.value });
              }}
              error={error(optionPath(fieldIndex, index, 'value'))}
              autoComplete="off"
            />
            <TextField
              lang="pl"
              label={t('admin.categories.fields.optionLabelPl', { position })}
              value={option.label_pl}
              onChange={(event) => {
                update({ label_pl: event.target.value });
              }}
              error={error(optionPath(fieldIndex, index, 'label_pl'))}
              autoComplete="off"
            />
            <TextField
              lang="en"
              label={t('admin.categories.fields.optionLabelEn', { position })}
              value={option.label_en}
              onChange={(event) => {
                update({ label_en: event.target.value });
              }}
              error={error(optionPath(fieldIndex, index, 'label_en'))}
              autoComplete="off"
            />
            <button
              type="button"
              className="secondary"
              onClick={() => {
                remove(index);
              }}
              aria-label={t('admin.categories.fields.removeOptionNamed', { position })}
            >
              {t('admin.categories.fields.removeOption')}
            </button>
          </div>
        );
      })}
      <button type="button" id={addId} className="secondary" onClick={add}>
        {t('admin.categories.fields.addOption')}
      </button>
    </fieldset>
  );
}
