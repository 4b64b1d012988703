import type { TFunction } from 'i18next';
import type { Language } from '@/config/languages';
import { parsePath } from './field-paths';
import { formatDay } from './format';
import { formatPln } from './money';

/** What turns ids in a description into names a reviewer reads. */
export type DiffContext = {
  t: TFunction;
  language: Language;
  topicName: (slug: string) => string | undefined;
  procedureName: (id: string) => string | undefined;
  fileName: (id: string) => string | undefined;
};

const DATE_FIELDS = new Set(['information_produced_on', 'valid_from', 'valid_until']);
const joined = (parts: readonly (string | null | undefined | false)[]) =>
  parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' — ');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The field a path is about, and whether it is an item of it: `fields.topics[1]` → topics, item. */
function subject(path: string): { field: string; item: boolean } {
  const segments = parsePath(path);
  const last = segments[segments.length - 1];
  const named = [...segments].reverse().find((segment) => segment.name !== '');
  return { field: named?.name ?? '', item: last?.index !== undefined };
}

function fileText(id: unknown, context: DiffContext): string | undefined {
  if (typeof id !== 'string') return undefined;
  return context.t('knowledge.diff.file', { name: context.fileName(id) ?? id });
}

/** A record of a description (a fee, a step, a document…) as its main text fields. */
function recordText(value: Record<string, unknown>, context: DiffContext): string {
  const { t, language } = context;
  if (value.kind === 'none') return t('knowledge.fees.none');
  if (Array.isArray(value.items)) {
    return value.items.map((item) => (isRecord(item) ? recordText(item, context) : String(item))).join('; ');
  }
  if ('amount_grosze' in value) {
    const amount = typeof value.amount_grosze === 'number' ? formatPln(value.amount_grosze, language) : undefined;
    return joined([text(value.kind), amount, text(value.account), text(value.remarks)]);
  }
  if ('electronic' in value) {
    return joined([text(value.name), text(value.comment), value.electronic === true && t('knowledge.steps.electronicShort')]);
  }
  if ('e_forms' in value) {
    const forms = Array.isArray(value.e_forms) ? value.e_forms.filter(isRecord) : [];
    return joined([
      text(value.name),
      fileText(value.file_id, context),
      typeof value.sample_file_id === 'string' &&
        t('knowledge.diff.sample', { name: context.fileName(value.sample_file_id) ?? value.sample_file_id }),
      ...forms.map((form) => `${text(form.platform)}: ${text(form.url)}`),
    ]);
  }
  if ('platform' in value) return `${text(value.platform)}: ${text(value.url)}`;
  if ('question' in value) return joined([text(value.question), text(value.answer)]);
  if ('phone' in value) return joined([text(value.name), text(value.phone)]);
  if ('cell' in value) return joined([text(value.cell), text(value.name)]);
  if ('file_id' in value) return joined([text(value.name), fileText(value.file_id, context)]);
  return JSON.stringify(value);
}

/**
 * A value of a field change as a reviewer reads it: texts as they are, yes/no, dates and
 * amounts in the UI language, topics and related procedures by name, and records (a fee,
 * a step, a document) as their main fields: "opłata skarbowa — 17,00 zł — 61 1090 …".
 */
export function valueText(path: string, value: unknown, context: DiffContext): string {
  const { t, language } = context;
  const { field, item } = subject(path);
  if (value === null || value === undefined || value === '') return t('knowledge.diff.empty');
  if (typeof value === 'boolean') return value ? t('common.yesAnswer') : t('common.noAnswer');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (DATE_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, language);
    if (field === 'topics' && item) return context.topicName(value) ?? value;
    if (field === 'related' && item) return context.procedureName(value) ?? value;
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('knowledge.diff.empty');
    return value.map((entry, index) => valueText(`${path}[${String(index)}]`, entry, context)).join('; ');
  }
  if (isRecord(value)) return recordText(value, context);
  return JSON.stringify(value);
}
