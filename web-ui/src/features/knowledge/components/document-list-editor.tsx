import { useTranslation } from 'react-i18next';
import type { StaffAttachment } from '../api/types';
import type { DocumentRow, FormRow } from '../utils/editor-state';
import { withKey } from '../utils/rows';
import type { EditorParts } from './editor-context';
import { EditorField, EditorSelect } from './editor-field';
import { ListEditor } from './list-editor';

type FileOptions = readonly { value: string; label: string }[];

/** The procedure's files as choices for a document's file ("" for none). */
export function useFileOptions(attachments: readonly StaffAttachment[]): FileOptions {
  const { t } = useTranslation();
  return [
    { value: '', label: t('knowledge.editor.fileNone') },
    ...attachments.map((attachment) => ({ value: attachment.id, label: attachment.file_name })),
  ];
}

const newDocument = (): DocumentRow => withKey({ name: '', file_id: null, sample_file_id: null, e_forms: [] });
const newForm = (): FormRow => withKey({ platform: '', url: '' });

type DocumentListEditorProps = {
  parts: EditorParts;
  group: 'to_submit' | 'to_show';
  files: FileOptions;
};

/** Required documents to submit or to show: name, file, filled-in sample and electronic forms. */
export function DocumentListEditor({ parts, group, files }: DocumentListEditorProps) {
  const { t } = useTranslation();
  const { fields, setFields, error, reorder, label } = parts;
  const path = `content.fields.documents.${group}`;
  return (
    <ListEditor
      path={path}
      legend={t(`knowledge.field.${group}`)}
      error={error(path)}
      items={fields[group]}
      onChange={(items) => {
        setFields(group === 'to_submit' ? { to_submit: items } : { to_show: items });
      }}
      onReorder={reorder}
      newItem={newDocument}
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
          <EditorSelect
            path={`${at}.sample_file_id`}
            label={label(`${at}.sample_file_id`)}
            value={document.sample_file_id ?? ''}
            options={files}
            error={error(`${at}.sample_file_id`)}
            onChange={(id) => {
              update({ ...document, sample_file_id: id || null });
            }}
          />
          <ListEditor
            path={`${at}.e_forms`}
            legend={label(`${at}.e_forms`)}
            error={error(`${at}.e_forms`)}
            items={document.e_forms}
            onChange={(e_forms) => {
              update({ ...document, e_forms });
            }}
            onReorder={reorder}
            newItem={newForm}
            renderItem={(form, updateForm, formAt) => (
              <>
                <EditorField
                  path={`${formAt}.platform`}
                  label={label(`${formAt}.platform`)}
                  value={form.platform}
                  error={error(`${formAt}.platform`)}
                  onChange={(platform) => {
                    updateForm({ ...form, platform });
                  }}
                />
                <EditorField
                  path={`${formAt}.url`}
                  label={label(`${formAt}.url`)}
                  type="url"
                  value={form.url}
                  error={error(`${formAt}.url`)}
                  onChange={(url) => {
                    updateForm({ ...form, url });
                  }}
                />
              </>
            )}
          />
        </>
      )}
    />
  );
}
