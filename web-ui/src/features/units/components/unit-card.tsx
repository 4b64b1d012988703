import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@/lib/issues/types';

/** Only web addresses become links: data must never be able to inject `javascript:` URLs. */
function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="unit-card__field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function UnitCard({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const headingId = useId();
  const website = unit.website ? httpUrl(unit.website) : undefined;
  return (
    <article className="unit-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="unit-card__name">
        {unit.name}
      </h2>
      <dl className="unit-card__fields">
        {unit.short_name && <Field label={t('units.fields.shortName')}>{unit.short_name}</Field>}
        <Field label={t('units.fields.kind')}>{t(`units.kind.${unit.kind}`)}</Field>
        {unit.address && <Field label={t('units.fields.address')}>{unit.address}</Field>}
        {unit.email && (
          <Field label={t('units.fields.email')}>
            <a href={`mailto:${unit.email}`}>{unit.email}</a>
          </Field>
        )}
        {unit.phone && (
          <Field label={t('units.fields.phone')}>
            <a href={`tel:${unit.phone.replace(/[^\d+]/g, '')}`}>{unit.phone}</a>
          </Field>
        )}
        {website && (
          <Field label={t('units.fields.website')}>
            <a href={website}>{unit.website}</a>
          </Field>
        )}
      </dl>
    </article>
  );
}
