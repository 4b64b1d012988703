import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, FormAlert } from '@/components/form';
import { Section } from '@/components/section';
import { ApiError } from '@/lib/api/errors';
import { useUploadAttachment } from '../api/drafts';
import type { AccessibilityWarning, StaffAttachment } from '../api/types';
import { FileLink } from './file-link';

function Warnings({ warnings }: { warnings: readonly AccessibilityWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="attachment__warnings">
      <p>{t('knowledge.attachments.warnings')}</p>
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>{t(`knowledge.attachments.warning.${warning}`)}</li>
        ))}
      </ul>
    </div>
  );
}

type AttachmentsPanelProps = {
  procedureId: string;
  draftId: string;
  attachments: readonly StaffAttachment[];
  /** Whether the person may add files (the unit's editors, while the draft is editable). */
  canUpload: boolean;
};

/** The procedure's files with their accessibility problems, and the upload of another one. */
export function AttachmentsPanel({ procedureId, draftId, attachments, canUpload }: AttachmentsPanelProps) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(procedureId, draftId);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploaded, setUploaded] = useState<StaffAttachment | undefined>();

  const send = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    setUploaded(undefined);
    upload.mutate(file, {
      onSuccess: (attachment) => {
        setUploaded(attachment);
        if (input.current) input.current.value = '';
      },
    });
  };
  const fileError = upload.error instanceof ApiError ? upload.error.fieldErrors[0]?.code : undefined;
  const failure = upload.error
    ? (fileError ?? (upload.error instanceof ApiError ? (upload.error.code ?? 'unknown') : 'network'))
    : undefined;

  return (
    <Section title={t('knowledge.attachments.title')}>
      <p className="field__hint">{t('knowledge.attachments.intro')}</p>
      {attachments.length === 0 ? (
        <p>{t('knowledge.attachments.none')}</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((attachment) => (
            <li key={attachment.id} className="attachment">
              <FileLink
                attachment={attachment}
                label={(name) => t('knowledge.attachments.download', { name })}
                staffProcedureId={procedureId}
              />
              <Warnings warnings={attachment.accessibility_warnings} />
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <form className="form attachment-upload" onSubmit={send} noValidate>
          <div className={failure ? 'field field--invalid' : 'field'}>
            <label htmlFor={inputId}>{t('knowledge.attachments.upload')}</label>
            {failure && (
              <p id={`${inputId}-error`} className="field__error">
                {errorMessage(t, { code: failure })}
              </p>
            )}
            <input
              ref={input}
              id={inputId}
              type="file"
              accept=".pdf,.doc,.docx,.rtf,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/rtf"
              aria-invalid={failure ? true : undefined}
              aria-describedby={failure ? `${inputId}-error` : undefined}
            />
          </div>
          <div className="form__actions">
            <button type="submit" disabled={upload.isPending}>
              {upload.isPending ? t('knowledge.attachments.uploading') : t('knowledge.attachments.send')}
            </button>
          </div>
          <div role="status">
            {uploaded && (
              <>
                <p>{t('knowledge.attachments.uploaded', { name: uploaded.file_name })}</p>
                <Warnings warnings={uploaded.accessibility_warnings} />
              </>
            )}
          </div>
          {failure && !fileError && (
            <FormAlert>
              <p>{errorMessage(t, { code: failure })}</p>
            </FormAlert>
          )}
        </form>
      )}
    </Section>
  );
}
