import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinatorRow, FaqRow, PhoneRow } from '../utils/editor-state';
import { withKey } from '../utils/rows';
import type { EditorParts } from './editor-context';
import { EditorCheckbox, EditorField } from './editor-field';
import { ListEditor } from './list-editor';

const newPhone = (): PhoneRow => withKey({ name: '', phone: '' });
const newFaq = (): FaqRow => withKey({ question: '', answer: '' });
const newCoordinator = (): CoordinatorRow => withKey({ cell: '', name: '' });

/** The fields only staff see (the template's fields marked with an asterisk). */
export function InternalFieldsEditor({ parts }: { parts: EditorParts }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { internal, setInternal, error, reorder, label } = parts;
  return (
    <section className="editor-section staff-only" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('knowledge.editor.internal')}</h2>
      <EditorCheckbox
        path="content.internal.internal"
        label={t('knowledge.field.internal')}
        checked={internal.internal}
        error={error('content.internal.internal')}
        onChange={(value) => {
          setInternal({ internal: value });
        }}
      />
      <EditorField
        path="content.internal.valid_from"
        label={t('knowledge.field.valid_from')}
        type="date"
        value={internal.valid_from}
        error={error('content.internal.valid_from')}
        onChange={(value) => {
          setInternal({ valid_from: value });
        }}
      />
      <EditorField
        path="content.internal.valid_until"
        label={t('knowledge.field.valid_until')}
        type="date"
        value={internal.valid_until}
        error={error('content.internal.valid_until')}
        onChange={(value) => {
          setInternal({ valid_until: value });
        }}
      />
      <ListEditor
        path="content.internal.staff_phones"
        legend={t('knowledge.field.staff_phones')}
        error={error('content.internal.staff_phones')}
        items={internal.staff_phones}
        onChange={(items) => {
          setInternal({ staff_phones: items });
        }}
        onReorder={reorder}
        newItem={newPhone}
        renderItem={(phone, update, at) => (
          <>
            <EditorField
              path={`${at}.name`}
              label={label(`${at}.name`)}
              value={phone.name}
              error={error(`${at}.name`)}
              onChange={(name) => {
                update({ ...phone, name });
              }}
            />
            <EditorField
              path={`${at}.phone`}
              label={label(`${at}.phone`)}
              type="tel"
              value={phone.phone}
              error={error(`${at}.phone`)}
              onChange={(value) => {
                update({ ...phone, phone: value });
              }}
            />
          </>
        )}
      />
      <EditorField
        path="content.internal.call_centre_description"
        label={t('knowledge.field.call_centre_description')}
        multiline
        value={internal.call_centre_description}
        error={error('content.internal.call_centre_description')}
        onChange={(value) => {
          setInternal({ call_centre_description: value });
        }}
      />
      <ListEditor
        path="content.internal.faq"
        legend={t('knowledge.field.faq')}
        error={error('content.internal.faq')}
        items={internal.faq}
        onChange={(items) => {
          setInternal({ faq: items });
        }}
        onReorder={reorder}
        newItem={newFaq}
        renderItem={(faq, update, at) => (
          <>
            <EditorField
              path={`${at}.question`}
              label={label(`${at}.question`)}
              value={faq.question}
              error={error(`${at}.question`)}
              onChange={(question) => {
                update({ ...faq, question });
              }}
            />
            <EditorField
              path={`${at}.answer`}
              label={label(`${at}.answer`)}
              multiline
              value={faq.answer}
              error={error(`${at}.answer`)}
              onChange={(answer) => {
                update({ ...faq, answer });
              }}
            />
          </>
        )}
      />
      <EditorField
        path="content.internal.other"
        label={t('knowledge.field.other')}
        multiline
        value={internal.other}
        error={error('content.internal.other')}
        onChange={(value) => {
          setInternal({ other: value });
        }}
      />
      <EditorField
        path="content.internal.owner"
        label={t('knowledge.field.owner')}
        value={internal.owner}
        error={error('content.internal.owner')}
        onChange={(value) => {
          setInternal({ owner: value });
        }}
      />
      <ListEditor
        path="content.internal.coordinators"
        legend={t('knowledge.field.coordinators')}
        error={error('content.internal.coordinators')}
        items={internal.coordinators}
        onChange={(items) => {
          setInternal({ coordinators: items });
        }}
        onReorder={reorder}
        newItem={newCoordinator}
        renderItem={(coordinator, update, at) => (
          <>
            <EditorField
              path={`${at}.cell`}
              label={label(`${at}.cell`)}
              value={coordinator.cell}
              error={error(`${at}.cell`)}
              onChange={(cell) => {
                update({ ...coordinator, cell });
              }}
            />
            <EditorField
              path={`${at}.name`}
              label={label(`${at}.name`)}
              value={coordinator.name}
              error={error(`${at}.name`)}
              onChange={(name) => {
                update({ ...coordinator, name });
              }}
            />
          </>
        )}
      />
      <EditorCheckbox
        path="content.internal.edm"
        label={t('knowledge.field.edm')}
        checked={internal.edm}
        error={error('content.internal.edm')}
        onChange={(value) => {
          setInternal({ edm: value });
        }}
      />
    </section>
  );
}
