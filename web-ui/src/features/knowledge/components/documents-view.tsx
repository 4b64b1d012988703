import { useTranslation } from 'react-i18next';
import type { OtherDocument, PublicAttachment, RequiredDocument } from '../api/types';
import { FileLink } from './file-link';

type Files = {
  attachments: readonly PublicAttachment[];
  staffProcedureId?: string | undefined;
};

/** The link to a document's file, when it has one. */
function fileLink({ attachments, staffProcedureId }: Files, id: string | null | undefined, label: (name: string) => string) {
  const attachment = id ? attachments.find((candidate) => candidate.id === id) : undefined;
  return attachment ? <FileLink attachment={attachment} label={label} staffProcedureId={staffProcedureId} /> : undefined;
}

/** Required documents: each with its file, a filled-in sample and its electronic forms. */
export function DocumentList({ documents, ...files }: Files & { documents: readonly RequiredDocument[] }) {
  const { t } = useTranslation();
  const file = (id: string | null | undefined, label: (name: string) => string) => fileLink(files, id, label);
  return (
    <ul className="document-list">
      {documents.map((document, index) => {
        const download = file(document.file_id, (name) => t('knowledge.documents.file', { name }));
        const sample = file(document.sample_file_id, (name) => t('knowledge.documents.sample', { name }));
        const forms = document.e_forms;
        return (
          // A published list never changes while shown.
          <li key={index} className="document">
            <span className="document__name">{document.name}</span>
            {(download || sample || forms.length > 0) && (
              <ul className="document__links">
                {download && <li>{download}</li>}
                {sample && <li>{sample}</li>}
                {forms.map((form) => (
                  <li key={`${form.platform}${form.url}`}>
                    <a href={form.url} rel="noopener noreferrer">
                      {t('knowledge.documents.eForm', { platform: form.platform })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Documents that concern the procedure without being required, with their files. */
export function OtherDocumentList({ documents, ...files }: Files & { documents: readonly OtherDocument[] }) {
  const { t } = useTranslation();
  const file = (id: string | null | undefined, label: (name: string) => string) => fileLink(files, id, label);
  return (
    <ul className="document-list">
      {documents.map((document, index) => {
        const download = file(document.file_id, (name) => t('knowledge.documents.file', { name }));
        return (
          <li key={index} className="document">
            <span className="document__name">{document.name}</span>
            {download && (
              <ul className="document__links">
                <li>{download}</li>
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
