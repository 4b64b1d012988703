import type { MouseEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/components/form';
import type { PlacedErrors } from '../utils/editor-errors';
import { inputId } from '../utils/editor-state';

type ErrorSummaryProps = {
  errors: PlacedErrors;
  /** A path in words. */
  label: (path: string) => string;
  ref: Ref<HTMLDivElement>;
};

/** Gives the input (or group) of a path the focus, which brings it into view. */
function focusInput(event: MouseEvent<HTMLAnchorElement>, path: string) {
  const target = document.getElementById(inputId(path));
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/**
 * What is wrong after a save, at the top of the editor: each wrong field in words with a link
 * to its input, the errors for which the form has no input, and the request's own error.
 * Announced, and focused after a failed save.
 */
export function ErrorSummary({ errors, label, ref }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const placed = Object.entries(errors.byPath);
  if (errors.form === undefined && placed.length === 0 && errors.unplaced.length === 0) return null;
  return (
    <div ref={ref} role="alert" className="alert error-summary" tabIndex={-1}>
      {errors.form !== undefined && <p>{errorMessage(t, { code: errors.form })}</p>}
      {(placed.length > 0 || errors.unplaced.length > 0) && (
        <>
          <p>{t('knowledge.editor.errorSummary')}</p>
          <ul>
            {placed.map(([path, code]) => (
              <li key={path}>
                <a
                  href={`#${inputId(path)}`}
                  onClick={(event) => {
                    focusInput(event, path);
                  }}
                >
                  {label(path)}: {errorMessage(t, { code })}
                </a>
              </li>
            ))}
            {errors.unplaced.map(({ path, code }) => (
              <li key={`${path}:${code}`}>
                {label(path)}: {errorMessage(t, { code })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
