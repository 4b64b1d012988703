import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/hooks/use-language';
import { saveFile } from '@/lib/save-file';
import { useStaffFile } from '../api/drafts';
import type { PublicAttachment } from '../api/types';
import { formatFileSize } from '../utils/format';

type FileLinkProps = {
  attachment: PublicAttachment;
  /** What the link does with the file name ("Pobierz: {{name}}"). */
  label: (name: string) => string;
  /** Staff files need the session's token: they are fetched, then saved. */
  staffProcedureId?: string | undefined;
};

/** A file to download, named with its type and size ("wniosek.pdf (PDF, 120 kB)"). */
export function FileLink({ attachment, label, staffProcedureId }: FileLinkProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const staffFile = useStaffFile(staffProcedureId ?? '');
  const info = t('knowledge.documents.fileInfo', {
    kind: attachment.kind.toUpperCase(),
    size: formatFileSize(attachment.size_bytes, language),
  });
  const download = (event: MouseEvent<HTMLAnchorElement>) => {
    if (staffProcedureId === undefined) return;
    event.preventDefault();
    staffFile.mutate(attachment.id, {
      onSuccess: (blob) => {
        saveFile(blob, attachment.file_name);
      },
    });
  };
  return (
    <a href={attachment.url} download={attachment.file_name} onClick={download} className="file-link">
      {label(attachment.file_name)} <span className="file-link__info">{info}</span>
    </a>
  );
}
