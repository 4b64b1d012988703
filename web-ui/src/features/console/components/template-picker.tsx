import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTemplates, type TemplateStatus } from '../api/issue';

type TemplatePickerProps = {
  number: string;
  /** Only the templates for this status; all when absent. */
  status: TemplateStatus | undefined;
  /** Receives the chosen template's text, already filled in for the issue. */
  onUse: (text: string) => void;
};

/**
 * A ready answer to start from: the template's text goes into the message field, where it can
 * still be edited. Choosing alone changes nothing; the button puts it in, so browsing the list
 * with the arrow keys never overwrites what was written.
 */
export function TemplatePicker({ number, status, onUse }: TemplatePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const templates = useTemplates(number, status);
  const [chosen, setChosen] = useState('');
  const list = templates.data ?? [];
  const template = list.find((candidate) => candidate.id === chosen);

  if (templates.isError) {
    return <p className="field__hint">{t('console.templates.loadError')}</p>;
  }
  if (templates.isSuccess && list.length === 0) {
    return <p className="field__hint">{t('console.templates.none')}</p>;
  }
  return (
    <div className="template-picker">
      <div className="field">
        <label htmlFor={id}>{t('console.templates.label')}</label>
        <select
          id={id}
          value={template ? chosen : ''}
          onChange={(event) => {
            setChosen(event.target.value);
          }}
        >
          <option value="">{templates.isPending ? t('common.loading') : t('console.templates.choose')}</option>
          {list.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="secondary"
        disabled={!template}
        onClick={() => {
          if (template) onUse(template.text);
        }}
      >
        {t('console.templates.use')}
      </button>
    </div>
  );
}
