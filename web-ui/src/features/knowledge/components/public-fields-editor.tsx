import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/hooks/use-language';
import type { Topic } from '../api/types';
import type { FeeRow, OtherDocumentRow, StepRow, TextRow } from '../utils/editor-state';
import { inputId } from '../utils/editor-state';
import { withKey } from '../utils/rows';
import { LIMITS } from '../utils/text-length';
import { DocumentListEditor } from './document-list-editor';
import type { EditorParts } from './editor-context';
import { EditorCheckbox, EditorField, EditorSelect } from './editor-field';
import { ListEditor } from './list-editor';
import { TextListEditor } from './text-list-editor';

const newStep = (): StepRow => withKey({ name: '', comment: '', electronic: false });
const newFee = (): FeeRow => withKey({ kind: '', amount: '', account: '', remarks: '' });
const newOtherDocument = (): OtherDocumentRow => withKey({ name: '', file_id: null });
const newRelated = (): TextRow => withKey({ value: '' });

type Options = readonly { value: string; label: string }[];

type PublicFieldsEditorProps = {
  parts: EditorParts;
  files: Options;
  /** Procedures this one may be related to. */
  procedures: Options;
  topics: readonly Topic[];
};

/** The topics the procedure belongs to, as checkboxes. */
function TopicsEditor({ parts, topics }: { parts: EditorParts; topics: readonly Topic[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const path = 'content.fields.topics';
  const id = inputId(path);
  const error = parts.error(path);
  const chosen = new Set(parts.fields.topics);
  return (
    <fieldset
      id={id}
      className={error ? 'choice-group field--invalid' : 'choice-group'}
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{t('knowledge.field.topics')}</legend>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      {topics.map((topic) => (
        <div key={topic.slug} className="checkbox-field">
          <input
            type="checkbox"
            id={`${id}-${topic.slug}`}
            checked={chosen.has(topic.slug)}
            onChange={(event) => {
              const next = new Set(chosen);
              if (event.target.checked) next.add(topic.slug);
              else next.delete(topic.slug);
              parts.setFields({ topics: topics.map((each) => each.slug).filter((slug) => next.has(slug)) });
            }}
          />
          <label htmlFor={`${id}-${topic.slug}`}>{language === 'pl' ? topic.name_pl : topic.name_en}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A long text field of the template. */
function TextArea({ parts, name }: { parts: EditorParts; name: TextFieldName }) {
  const { t } = useTranslation();
  const path = `content.fields.${name}`;
  return (
    <EditorField
      path={path}
      label={t(`knowledge.field.${name}`)}
      multiline
      value={parts.fields[name]}
      error={parts.error(path)}
      onChange={(value) => {
        parts.setFields({ [name]: value });
      }}
    />
  );
}

type TextFieldName =
  | 'handling'
  | 'additional_information'
  | 'time_limit'
  | 'place'
  | 'booking'
  | 'submission_forms'
  | 'submission_deadline'
  | 'legal_basis'
  | 'appeal'
  | 'reuse_conditions';

/** Every public field of the template, in its order. */
export function PublicFieldsEditor({ parts, files, procedures, topics }: PublicFieldsEditorProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { fields, setFields, error, reorder, label } = parts;
  return (
    <section className="editor-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('knowledge.editor.public')}</h2>
      <EditorField
        path="content.fields.name"
        label={t('knowledge.field.name')}
        value={fields.name}
        max={LIMITS.name}
        error={error('content.fields.name')}
        onChange={(name) => {
          setFields({ name });
        }}
      />
      <EditorField
        path="content.fields.short_description"
        label={t('knowledge.field.short_description')}
        multiline
        value={fields.short_description}
        max={LIMITS.shortDescription}
        error={error('content.fields.short_description')}
        onChange={(value) => {
          setFields({ short_description: value });
        }}
      />
      <ListEditor
        path="content.fields.steps"
        legend={t('knowledge.field.steps')}
        error={error('content.fields.steps')}
        items={fields.steps}
        onChange={(steps) => {
          setFields({ steps });
        }}
        onReorder={reorder}
        newItem={newStep}
        renderItem={(step, update, at) => (
          <>
            <EditorField
              path={`${at}.name`}
              label={label(`${at}.name`)}
              value={step.name}
              max={LIMITS.stepName}
              error={error(`${at}.name`)}
              onChange={(name) => {
                update({ ...step, name });
              }}
            />
            <EditorField
              path={`${at}.comment`}
              label={label(`${at}.comment`)}
              value={step.comment ?? ''}
              max={LIMITS.stepComment}
              error={error(`${at}.comment`)}
              onChange={(comment) => {
                update({ ...step, comment });
              }}
            />
            <EditorCheckbox
              path={`${at}.electronic`}
              label={t('knowledge.editor.electronic')}
              checked={step.electronic}
              onChange={(electronic) => {
                update({ ...step, electronic });
              }}
            />
          </>
        )}
      />
      <TextListEditor
        parts={parts}
        path="content.fields.electronic_activities"
        legend={t('knowledge.field.electronic_activities')}
        items={fields.electronic_activities}
        onChange={(items) => {
          setFields({ electronic_activities: items });
        }}
      />
      <TextListEditor
        parts={parts}
        path="content.fields.useful_information"
        legend={t('knowledge.field.useful_information')}
        items={fields.useful_information}
        onChange={(items) => {
          setFields({ useful_information: items });
        }}
      />
      <TextArea parts={parts} name="handling" />
      <TextArea parts={parts} name="additional_information" />
      <TextArea parts={parts} name="time_limit" />
      <TextArea parts={parts} name="place" />
      <TextArea parts={parts} name="booking" />
      <fieldset
        id={inputId('content.fields.fees')}
        className={error('content.fields.fees') ? 'fees-editor field--invalid' : 'fees-editor'}
        tabIndex={-1}
        aria-describedby={error('content.fields.fees') ? `${inputId('content.fields.fees')}-error` : undefined}
      >
        <legend>{t('knowledge.field.fees')}</legend>
        {error('content.fields.fees') && (
          <p id={`${inputId('content.fields.fees')}-error`} className="field__error">
            {error('content.fields.fees')}
          </p>
        )}
        <EditorCheckbox
          path="content.fields.fees.none"
          label={t('knowledge.editor.noFees')}
          checked={fields.no_fees}
          onChange={(noFees) => {
            setFields({ no_fees: noFees });
          }}
        />
        {!fields.no_fees && (
          <ListEditor
            path="content.fields.fees.items"
            legend={t('knowledge.editor.feeItems')}
            items={fields.fees}
            onChange={(fees) => {
              setFields({ fees });
            }}
            onReorder={reorder}
            newItem={newFee}
            renderItem={(fee, update, at) => (
              <>
                <EditorField
                  path={`${at}.kind`}
                  label={label(`${at}.kind`)}
                  value={fee.kind}
                  error={error(`${at}.kind`)}
                  onChange={(kind) => {
                    update({ ...fee, kind });
                  }}
                />
                <EditorField
                  path={`${at}.amount_grosze`}
                  label={label(`${at}.amount_grosze`)}
                  hint={t('knowledge.editor.amountHint')}
                  inputMode="decimal"
                  value={fee.amount}
                  error={error(`${at}.amount_grosze`)}
                  onChange={(amount) => {
                    update({ ...fee, amount });
                  }}
                />
                <EditorField
                  path={`${at}.account`}
                  label={label(`${at}.account`)}
                  hint={t('knowledge.editor.accountHint')}
                  inputMode="numeric"
                  value={fee.account}
                  error={error(`${at}.account`)}
                  onChange={(account) => {
                    update({ ...fee, account });
                  }}
                />
                <EditorField
                  path={`${at}.remarks`}
                  label={label(`${at}.remarks`)}
                  value={fee.remarks}
                  error={error(`${at}.remarks`)}
                  onChange={(remarks) => {
                    update({ ...fee, remarks });
                  }}
                />
              </>
            )}
          />
        )}
      </fieldset>
      <TextArea parts={parts} name="submission_forms" />
      <TextArea parts={parts} name="submission_deadline" />
      <DocumentListEditor parts={parts} group="to_submit" files={files} />
      <DocumentListEditor parts={parts} group="to_show" files={files} />
      <ListEditor
        path="content.fields.other_documents"
        legend={t('knowledge.field.other_documents')}
        error={error('content.fields.other_documents')}
        items={fields.other_documents}
        onChange={(items) => {
          setFields({ other_documents: items });
        }}
        onReorder={reorder}
        newItem={newOtherDocument}
        renderItem={(document, update, at) => (
          <>
            <EditorField
              path={`${at}.name`}
              label={label(`${at}.name`)}
              value={document.name}
              error={error(`${at}.name`)}
              onChange={(name) => {
                update({ ...document, name });
              }}
            />
            <EditorSelect
              path={`${at}.file_id`}
              label={label(`${at}.file_id`)}
              value={document.file_id ?? ''}
              options={files}
              error={error(`${at}.file_id`)}
              onChange={(id) => {
                update({ ...document, file_id: id || null });
              }}
            />
          </>
        )}
      />
      <TextArea parts={parts} name="legal_basis" />
      <TextArea parts={parts} name="appeal" />
      <TextArea parts={parts} name="reuse_conditions" />
      <ListEditor
        path="content.fields.related"
        legend={t('knowledge.field.related')}
        error={error('content.fields.related')}
        items={fields.related}
        onChange={(related) => {
          setFields({ related });
        }}
        onReorder={reorder}
        newItem={newRelated}
        renderItem={(related, update, at) => (
          <EditorSelect
            path={at}
            label={label(at)}
            value={related.value}
            options={[{ value: '', label: t('knowledge.editor.chooseProcedure') }, ...procedures]}
            error={error(at)}
            onChange={(value) => {
              update({ ...related, value });
            }}
          />
        )}
      />
      <TopicsEditor parts={parts} topics={topics} />
      <TextListEditor
        parts={parts}
        path="content.fields.authors"
        legend={t('knowledge.field.authors')}
        items={fields.authors}
        onChange={(items) => {
          setFields({ authors: items });
        }}
      />
      <EditorField
        path="content.fields.organisational_cell"
        label={t('knowledge.field.organisational_cell')}
        value={fields.organisational_cell}
        error={error('content.fields.organisational_cell')}
        onChange={(value) => {
          setFields({ organisational_cell: value });
        }}
      />
      <EditorField
        path="content.fields.information_produced_on"
        label={t('knowledge.field.information_produced_on')}
        hint={t('knowledge.editor.dateHint')}
        type="date"
        value={fields.information_produced_on}
        error={error('content.fields.information_produced_on')}
        onChange={(value) => {
          setFields({ information_produced_on: value });
        }}
      />
    </section>
  );
}
