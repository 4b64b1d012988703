import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { Section } from '@/components/section';
import { useLanguage } from '@/hooks/use-language';
import type { BipMetadata } from '../api/types';
import { formatDay } from '../utils/format';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The BIP metadata of the shown version: who produced and published it, and when. */
export function MetadataView({ metadata, unit, cell }: { metadata: BipMetadata; unit: string; cell: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const none = t('knowledge.staff.empty');
  return (
    <Section title={t('knowledge.metadata.title')}>
      <dl className="details">
        <Row term={t('knowledge.metadata.unit')}>{unit}</Row>
        {cell && <Row term={t('knowledge.metadata.cell')}>{cell}</Row>}
        <Row term={t('knowledge.metadata.produced_by')}>
          {metadata.produced_by.length > 0 ? metadata.produced_by.join(', ') : none}
        </Row>
        <Row term={t('knowledge.metadata.information_produced_on')}>
          {metadata.information_produced_on ? formatDay(metadata.information_produced_on, language) : none}
        </Row>
        <Row term={t('knowledge.metadata.published_by')}>{metadata.published_by ?? none}</Row>
        <Row term={t('knowledge.metadata.first_published_at')}>
          {metadata.first_published_at ? <DateTime value={metadata.first_published_at} /> : none}
        </Row>
        <Row term={t('knowledge.metadata.modified_at')}>
          {metadata.modified_at ? <DateTime value={metadata.modified_at} /> : none}
        </Row>
        <Row term={t('knowledge.metadata.version')}>{metadata.version}</Row>
      </dl>
    </Section>
  );
}
