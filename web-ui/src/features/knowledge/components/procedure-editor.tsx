import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/components/form';
import { useProcedures, useTopics } from '../api/procedures';
import type { ProcedureContent, StaffAttachment, Unit } from '../api/types';
import { NO_ERRORS, placeErrors, withoutErrorsUnder, type PlacedErrors } from '../utils/editor-errors';
import { editorPaths, toContent, type EditorFields, type EditorInternal, type EditorState } from '../utils/editor-state';
import { pathLabel } from '../utils/field-paths';
import { useFileOptions } from './document-list-editor';
import type { EditorParts } from './editor-context';
import { EditorField, EditorSelect } from './editor-field';
import { ErrorSummary } from './error-summary';
import { InternalFieldsEditor } from './internal-fields-editor';
import { PublicFieldsEditor } from './public-fields-editor';

/** What the editor sends: the description, the note for the register, and (new procedures) the unit. */
export type EditorPayload = { content: ProcedureContent; change_note: string; unit_id: string };

type ProcedureEditorProps = {
  initial: EditorState;
  attachments: readonly StaffAttachment[];
  /** The procedure being changed (not offered as related to itself); none for a new one. */
  procedureId?: string | undefined;
  /** A new procedure: the units its editor may start it in. */
  units?: readonly Unit[] | undefined;
  onSave: (payload: EditorPayload) => Promise<unknown>;
  /** Saves and submits for review (drafts that exist). */
  onSubmit?: ((payload: EditorPayload) => Promise<unknown>) | undefined;
};

type Action = 'save' | 'submit';

/**
 * The structured form of a procedure description: every field of the template, limited
 * fields with live counters, lists edited item by item, amounts in złoty. The API's errors
 * are shown at their inputs and listed, with links, above the form.
 */
export function ProcedureEditor({ initial, attachments, procedureId, units, onSave, onSubmit }: ProcedureEditorProps) {
  const { t } = useTranslation();
  const [state, setState] = useState(initial);
  const [unitId, setUnitId] = useState(units?.length === 1 ? (units[0]?.id ?? '') : '');
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [busy, setBusy] = useState<Action | undefined>();
  const [done, setDone] = useState<Action | undefined>();
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formId = useId();
  const topics = useTopics();
  const procedures = useProcedures({ per_page: 100 }, true);
  const files = useFileOptions(attachments);

  // After a failed save, the summary takes the focus and is read.
  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const targets = useMemo(() => {
    const paths = editorPaths(state);
    if (units) paths.add('unit_id');
    return paths;
  }, [state, units]);

  const parts: EditorParts = {
    fields: state.fields,
    internal: state.internal,
    setFields: (change: Partial<EditorFields>) => {
      setState((current) => ({ ...current, fields: { ...current.fields, ...change } }));
      setDone(undefined);
    },
    setInternal: (change: Partial<EditorInternal>) => {
      setState((current) => ({ ...current, internal: { ...current.internal, ...change } }));
      setDone(undefined);
    },
    error: (path) => {
      const code = errors.byPath[path];
      return code === undefined ? undefined : errorMessage(t, { code });
    },
    reorder: (path) => {
      setErrors((current) => withoutErrorsUnder(current, path));
    },
    label: (path) => pathLabel(path, t),
  };

  const run = async (action: Action) => {
    const { content, errors: local } = toContent(state);
    if (Object.keys(local).length > 0) {
      setErrors({ ...NO_ERRORS, byPath: local });
      setAttempt((count) => count + 1);
      return;
    }
    const send = action === 'submit' ? onSubmit : onSave;
    if (!send) return;
    setBusy(action);
    setDone(undefined);
    try {
      await send({ content, change_note: state.change_note, unit_id: unitId });
      setErrors(NO_ERRORS);
      setDone(action);
    } catch (error) {
      setErrors(placeErrors(error, targets));
      setAttempt((count) => count + 1);
    } finally {
      setBusy(undefined);
    }
  };

  const procedureOptions = (procedures.data?.items ?? [])
    .filter((procedure) => procedure.id !== procedureId)
    .map((procedure) => ({ value: procedure.id, label: procedure.name }));

  return (
    <form
      id={formId}
      className="form procedure-editor"
      noValidate
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        void run('save');
      }}
    >
      <ErrorSummary ref={summaryRef} errors={errors} label={parts.label} />
      {units && (
        <EditorSelect
          path="unit_id"
          label={t('knowledge.editor.unit')}
          value={unitId}
          options={[
            { value: '', label: t('knowledge.editor.chooseUnit') },
            ...units.map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
          error={parts.error('unit_id')}
          onChange={setUnitId}
        />
      )}
      <PublicFieldsEditor parts={parts} files={files} procedures={procedureOptions} topics={topics.data ?? []} />
      <InternalFieldsEditor parts={parts} />
      <EditorField
        path="change_note"
        label={t('knowledge.field.change_note')}
        hint={t('knowledge.editor.changeNoteHint')}
        multiline
        rows={2}
        value={state.change_note}
        error={parts.error('change_note')}
        onChange={(change_note) => {
          setState((current) => ({ ...current, change_note }));
        }}
      />
      <p role="status" className="editor-status">
        {busy === 'save' && t('knowledge.editor.saving')}
        {busy === 'submit' && t('common.sending')}
        {done === 'save' && (units ? t('knowledge.editor.created') : t('knowledge.editor.saved'))}
        {done === 'submit' && t('knowledge.editor.submitted')}
      </p>
      <div className="form__actions editor-actions">
        <button type="submit" disabled={busy !== undefined}>
          {t('knowledge.editor.save')}
        </button>
        {onSubmit && (
          <button
            type="button"
            className="secondary"
            disabled={busy !== undefined}
            onClick={() => {
              void run('submit');
            }}
          >
            {t('knowledge.editor.submit')}
          </button>
        )}
      </div>
    </form>
  );
}
