import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { Section } from '@/components/section';
import { paths } from '@/config/paths';
import type { ChangeEntry } from '../api/types';

type ChangeRegisterProps = {
  procedureId: string;
  entries: readonly ChangeEntry[];
  /** The version shown on the page, which is not a link. */
  shownVersion: number | undefined;
  /** The current version: its link leads to the procedure's own page. */
  currentVersion: number | undefined;
};

/** Every published version with its date, publisher and note; each older one can be opened. */
export function ChangeRegister({ procedureId, entries, shownVersion, currentVersion }: ChangeRegisterProps) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <Section title={t('knowledge.register.title')}>
      <div className="table-wrap">
        <table className="table change-register">
          <thead>
            <tr>
              <th scope="col">{t('knowledge.register.version')}</th>
              <th scope="col">{t('knowledge.register.date')}</th>
              <th scope="col">{t('knowledge.register.who')}</th>
              <th scope="col">{t('knowledge.register.note')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const label = t('knowledge.register.versionLink', { version: entry.version });
              const current = entry.version === currentVersion;
              const target = current ? paths.procedure(procedureId) : paths.procedureVersion(procedureId, entry.version);
              return (
                <tr key={entry.version}>
                  <th scope="row">
                    {entry.version === shownVersion ? (
                      <span aria-current="page">{label}</span>
                    ) : (
                      <Link to={target}>{label}</Link>
                    )}
                    {current && ` ${t('knowledge.register.current')}`}
                  </th>
                  <td>{entry.published_at ? <DateTime value={entry.published_at} /> : t('knowledge.staff.empty')}</td>
                  <td>{entry.published_by ?? t('knowledge.staff.empty')}</td>
                  <td>{entry.change_note}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
