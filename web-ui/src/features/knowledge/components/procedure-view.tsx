import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '@/components/section';
import { paths } from '@/config/paths';
import type { PublicProcedure, StaffProcedure } from '../api/types';
import { ChangeRegister } from './change-register';
import { DocumentList, OtherDocumentList } from './documents-view';
import { FeesView } from './fees-view';
import { MetadataView } from './metadata-view';
import { StepsView } from './steps-view';
import { TextBlock } from './text-block';

type ProcedureViewProps = {
  procedure: PublicProcedure | StaffProcedure;
  /** Staff read files through their own (authenticated) downloads. */
  staff?: boolean;
};

/** A section with a text, left out when the text is empty. */
function TextSection({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <Section title={title}>
      <TextBlock text={text} />
    </Section>
  );
}

/** A section with a list, left out when the list is empty. */
function ListSection({ title, items, children }: { title: string; items: readonly unknown[]; children: ReactNode }) {
  if (items.length === 0) return null;
  return <Section title={title}>{children}</Section>;
}

/** A group of required documents under its own heading. */
function DocumentGroup({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/**
 * A procedure laid out as the template ("Wzór opisu procedury") orders it: what it is, its
 * steps, how and where, fees, documents, law and appeal, related procedures, the BIP metadata
 * and the register of changes. Empty sections are left out; the page title is its name.
 */
export function ProcedureView({ procedure, staff = false }: ProcedureViewProps) {
  const { t } = useTranslation();
  const f = procedure.fields;
  const files = { attachments: procedure.attachments, staffProcedureId: staff ? procedure.id : undefined };
  const { to_submit: toSubmit, to_show: toShow } = f.documents;
  // The register lists the newest version first: the current one.
  const currentVersion = procedure.change_register[0]?.version;
  const shownVersion = procedure.metadata?.version;
  return (
    <article className="procedure">
      {f.short_description && <p className="lead procedure__summary">{f.short_description}</p>}
      <p className="procedure__unit">
        {t('knowledge.procedure.unit')}: {procedure.unit.name}
      </p>
      <ListSection title={t('knowledge.field.steps')} items={f.steps}>
        <StepsView steps={f.steps} />
      </ListSection>
      <ListSection title={t('knowledge.field.electronic_activities')} items={f.electronic_activities}>
        <ul>
          {f.electronic_activities.map((activity) => (
            <li key={activity}>{activity}</li>
          ))}
        </ul>
      </ListSection>
      <ListSection title={t('knowledge.field.useful_information')} items={f.useful_information}>
        <ul className="tags">
          {f.useful_information.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      </ListSection>
      <TextSection title={t('knowledge.field.handling')} text={f.handling} />
      <TextSection title={t('knowledge.field.additional_information')} text={f.additional_information} />
      <TextSection title={t('knowledge.field.time_limit')} text={f.time_limit} />
      <TextSection title={t('knowledge.field.place')} text={f.place} />
      <TextSection title={t('knowledge.field.booking')} text={f.booking} />
      <Section title={t('knowledge.field.fees')}>
        <FeesView fees={f.fees} />
      </Section>
      <TextSection title={t('knowledge.field.submission_forms')} text={f.submission_forms} />
      <TextSection title={t('knowledge.field.submission_deadline')} text={f.submission_deadline} />
      <ListSection title={t('knowledge.field.documents')} items={[...toSubmit, ...toShow]}>
        {toSubmit.length > 0 && (
          <DocumentGroup title={t('knowledge.field.to_submit')}>
            <DocumentList documents={toSubmit} {...files} />
          </DocumentGroup>
        )}
        {toShow.length > 0 && (
          <DocumentGroup title={t('knowledge.field.to_show')}>
            <DocumentList documents={toShow} {...files} />
          </DocumentGroup>
        )}
      </ListSection>
      <ListSection title={t('knowledge.field.other_documents')} items={f.other_documents}>
        <OtherDocumentList documents={f.other_documents} {...files} />
      </ListSection>
      <TextSection title={t('knowledge.field.legal_basis')} text={f.legal_basis} />
      <TextSection title={t('knowledge.field.appeal')} text={f.appeal} />
      <TextSection title={t('knowledge.field.reuse_conditions')} text={f.reuse_conditions} />
      <ListSection title={t('knowledge.field.related')} items={procedure.related}>
        <ul>
          {procedure.related.map((related) => (
            <li key={related.id}>
              <Link to={paths.procedure(related.id)}>{related.name}</Link>
            </li>
          ))}
        </ul>
      </ListSection>
      {procedure.metadata && (
        <MetadataView metadata={procedure.metadata} unit={procedure.unit.name} cell={f.organisational_cell} />
      )}
      <ChangeRegister
        procedureId={procedure.id}
        entries={procedure.change_register}
        shownVersion={shownVersion}
        currentVersion={currentVersion}
      />
    </article>
  );
}
