import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormAlert, errorMessage } from '@/components/form';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { ApiError } from '@/lib/api/errors';
import { useAuth } from '@/lib/auth';
import { useStartDraft } from '../api/drafts';
import type { StaffProcedure } from '../api/types';
import { formatDay } from '../utils/format';
import { TextBlock } from './text-block';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Where the procedure stands for staff, and the editor's way to change it. */
function StaffStatus({ procedure }: { procedure: StaffProcedure }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { editsProceduresOf, isKnowledgePublisher } = useAuth();
  const start = useStartDraft();
  const draft = procedure.open_draft;
  const editor = editsProceduresOf(procedure.unit.id);
  const inReview = draft?.state === 'in_review' || draft?.state === 'scheduled';
  const propose = () => {
    start.mutate(procedure.id, {
      onSuccess: (created) => void navigate(paths.procedureDraft(created.id)),
    });
  };
  const failure = start.error instanceof ApiError ? start.error.code : start.error ? 'network' : undefined;
  return (
    <div className="staff-status">
      <p>
        {procedure.publicly_visible ? t('knowledge.staff.publiclyVisible') : t('knowledge.staff.notPublic')}
        {procedure.metadata === null && ` ${t('knowledge.staff.notPublished')}`}
      </p>
      {draft && (
        <p>
          {t('knowledge.staff.openDraft', { state: t(`knowledge.state.${draft.state}`) })}{' '}
          {editor && <Link to={paths.procedureDraft(draft.id)}>{t('knowledge.staff.openDraftLink')}</Link>}
          {!editor && isKnowledgePublisher && inReview && (
            <Link to={paths.procedureReview(draft.id)}>{t('knowledge.staff.reviewLink')}</Link>
          )}
        </p>
      )}
      {editor && !draft && procedure.metadata !== null && (
        <p className="no-print">
          <button type="button" onClick={propose} disabled={start.isPending}>
            {start.isPending ? t('knowledge.staff.starting') : t('knowledge.staff.proposeChange')}
          </button>
        </p>
      )}
      {failure && (
        <FormAlert>
          <p>{errorMessage(t, { code: failure })}</p>
        </FormAlert>
      )}
    </div>
  );
}

/** The element id of the staff's section, for the link to it at the top of the page. */
export const STAFF_SECTION_ID = 'staff-only';

/** The fields only staff see (R7.2), in a clearly marked section of the procedure page. */
export function StaffSection({ procedure }: { procedure: StaffProcedure }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const n = procedure.internal;
  const none = t('knowledge.staff.empty');
  const day = (value: string | null | undefined) => (value ? formatDay(value, language) : none);
  const yesNo = (value: boolean) => (value ? t('common.yesAnswer') : t('common.noAnswer'));
  const { staff_phones: phones, faq, coordinators } = n;
  return (
    <section id={STAFF_SECTION_ID} className="staff-only" aria-labelledby={id}>
      <h2 id={id}>{t('knowledge.staff.title')}</h2>
      <p>{t('knowledge.staff.intro')}</p>
      <StaffStatus procedure={procedure} />
      <dl className="details">
        <Row term={t('knowledge.field.internal')}>{yesNo(n.internal)}</Row>
        <Row term={t('knowledge.field.valid_from')}>{day(n.valid_from)}</Row>
        <Row term={t('knowledge.field.valid_until')}>{day(n.valid_until)}</Row>
        <Row term={t('knowledge.field.owner')}>{n.owner || none}</Row>
        <Row term={t('knowledge.field.coordinators')}>
          {coordinators.length > 0
            ? coordinators.map((coordinator) => `${coordinator.cell}: ${coordinator.name}`).join('; ')
            : none}
        </Row>
        <Row term={t('knowledge.field.edm')}>{yesNo(n.edm)}</Row>
      </dl>
      {phones.length > 0 && (
        <>
          <h3>{t('knowledge.field.staff_phones')}</h3>
          <ul>
            {phones.map((phone, index) => (
              <li key={index}>
                {phone.name}: <a href={`tel:${phone.phone.replace(/\s/g, '')}`}>{phone.phone}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {n.call_centre_description && (
        <>
          <h3>{t('knowledge.field.call_centre_description')}</h3>
          <TextBlock text={n.call_centre_description} />
        </>
      )}
      {faq.length > 0 && (
        <>
          <h3>{t('knowledge.field.faq')}</h3>
          <dl className="faq">
            {faq.map((entry, index) => (
              <div key={index}>
                <dt>{entry.question}</dt>
                <dd>
                  <TextBlock text={entry.answer} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {n.other && (
        <>
          <h3>{t('knowledge.field.other')}</h3>
          <TextBlock text={n.other} />
        </>
      )}
    </section>
  );
}
