import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { Section } from '@/components/section';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import type { Category } from '../api/categories';
import { availabilityOf, byGroup } from '../utils/categories';
import { useUnitName } from './unit-field';

function Availability({ category, now }: { category: Category; now: number }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`admin.categories.availability.${availabilityOf(category, now)}`)}
      {category.valid_from && (
        <>
          <br />
          {t('admin.categories.from')} <DateTime value={category.valid_from} />
        </>
      )}
      {category.valid_until && (
        <>
          <br />
          {t('admin.categories.until')} <DateTime value={category.valid_until} />
        </>
      )}
    </>
  );
}

/** Every category, a table per group in list order, each name leading to its editor. */
export function CategoryTables({ categories }: { categories: Category[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unitName = useUnitName();
  const [now] = useState(() => Date.now());
  return byGroup(categories, language).map(([group, members]) => (
    <Section key={group} title={group}>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('admin.categories.caption', { group })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.categories.name')}</th>
              <th scope="col">{t('admin.categories.kind')}</th>
              <th scope="col">{t('admin.categories.unit')}</th>
              <th scope="col">{t('admin.categories.delivery')}</th>
              <th scope="col">{t('admin.categories.location')}</th>
              <th scope="col">{t('admin.categories.fieldCount')}</th>
              <th scope="col">{t('admin.categories.state')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((category) => (
              <tr key={category.id}>
                <th scope="row">
                  <Link to={paths.adminCategory(category.slug)}>{inLanguage(language, category.name_pl, category.name_en)}</Link>
                </th>
                <td>{t(`admin.categories.kinds.${category.kind}`)}</td>
                <td>{unitName(category.unit_id)}</td>
                <td>{t(`admin.categories.deliveries.${category.delivery}`)}</td>
                <td>{category.location_required ? t('admin.categories.locationRequired') : t('admin.categories.locationOptional')}</td>
                <td>{category.fields.length}</td>
                <td>
                  <Availability category={category} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  ));
}
