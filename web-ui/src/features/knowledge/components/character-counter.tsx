import { useTranslation } from 'react-i18next';

type CharacterCounterProps = {
  id: string;
  count: number;
  max: number;
  /** The field's label, for the announcement. */
  field: string;
};

/**
 * "12 of 160 characters" under a limited field, read with it. Crossing the limit is
 * announced once (a polite live region whose text changes only then), not every keystroke.
 */
export function CharacterCounter({ id, count, max, field }: CharacterCounterProps) {
  const { t } = useTranslation();
  const over = count > max;
  return (
    <>
      <p id={id} className={over ? 'counter counter--over' : 'counter'}>
        {t('knowledge.editor.counter', { count, max })}
        {over && ` ${t('knowledge.editor.over', { count: count - max })}`}
      </p>
      <span role="status" className="visually-hidden">
        {over ? t('knowledge.editor.overLimit', { field, max }) : ''}
      </span>
    </>
  );
}
