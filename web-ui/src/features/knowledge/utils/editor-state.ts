import type { Language } from '@/config/languages';
import type {
  Coordinator,
  ElectronicForm,
  Faq,
  InternalFields,
  OtherDocument,
  ProcedureContent,
  ProcedureFields,
  RequiredDocument,
  StaffPhone,
  Step,
} from '../api/types';
import { parsePln, plnInput } from './money';
import { withKey, withoutKey, type Row } from './rows';

/** A line of a list of texts (tags, electronic activities, authors, related procedures). */
export type TextRow = Row<{ value: string }>;
export type StepRow = Row<Step>;
/** A fee with its amount as typed in złoty ("20,00"); sent in grosze. */
export type FeeRow = Row<{ kind: string; amount: string; account: string; remarks: string }>;
export type FormRow = Row<ElectronicForm>;
export type DocumentRow = Row<Omit<RequiredDocument, 'e_forms'> & { e_forms: FormRow[] }>;
export type OtherDocumentRow = Row<OtherDocument>;
export type PhoneRow = Row<StaffPhone>;
export type FaqRow = Row<Faq>;
export type CoordinatorRow = Row<Coordinator>;

type ListFields =
  | 'related'
  | 'steps'
  | 'electronic_activities'
  | 'useful_information'
  | 'fees'
  | 'documents'
  | 'other_documents'
  | 'authors'
  | 'information_produced_on';

/** The public fields as the editor holds them: lists as keyed rows, dates as input values. */
export type EditorFields = Omit<Required<ProcedureFields>, ListFields> & {
  related: TextRow[];
  information_produced_on: string;
  steps: StepRow[];
  electronic_activities: TextRow[];
  useful_information: TextRow[];
  /** "brak opłat": the procedure costs nothing (the fee rows are then not sent). */
  no_fees: boolean;
  fees: FeeRow[];
  to_submit: DocumentRow[];
  to_show: DocumentRow[];
  other_documents: OtherDocumentRow[];
  authors: TextRow[];
};

export type EditorInternal = Omit<
  Required<InternalFields>,
  'staff_phones' | 'faq' | 'coordinators' | 'valid_from' | 'valid_until'
> & {
  valid_from: string;
  valid_until: string;
  staff_phones: PhoneRow[];
  faq: FaqRow[];
  coordinators: CoordinatorRow[];
};

/** A whole description in the editor, with the note for the change register. */
export type EditorState = { fields: EditorFields; internal: EditorInternal; change_note: string };

const textRows = (values: readonly string[]): TextRow[] => values.map((value) => withKey({ value }));
const texts = (rows: readonly TextRow[]): string[] => rows.map((row) => row.value);

function documentRows(documents: readonly RequiredDocument[]): DocumentRow[] {
  return documents.map((document) => withKey({ ...document, e_forms: document.e_forms.map((form) => withKey(form)) }));
}

function documents(rows: readonly DocumentRow[]): RequiredDocument[] {
  return rows.map((row) => ({ ...withoutKey(row), e_forms: row.e_forms.map((form) => withoutKey(form)) }));
}

/** A description with nothing written yet: what the API holds for a field nobody filled in. */
export function emptyContent(): ProcedureContent {
  return {
    fields: {
      name: '',
      related: [],
      information_produced_on: null,
      short_description: '',
      steps: [],
      electronic_activities: [],
      useful_information: [],
      handling: '',
      additional_information: '',
      time_limit: '',
      place: '',
      booking: '',
      fees: { kind: 'items', items: [] },
      submission_forms: '',
      submission_deadline: '',
      documents: { to_submit: [], to_show: [] },
      other_documents: [],
      legal_basis: '',
      appeal: '',
      reuse_conditions: '',
      authors: [],
      organisational_cell: '',
      topics: [],
    },
    internal: {
      internal: false,
      valid_from: null,
      valid_until: null,
      staff_phones: [],
      call_centre_description: '',
      faq: [],
      other: '',
      owner: '',
      coordinators: [],
      edm: false,
    },
  };
}

/** A description from the API as the editor holds it; amounts are shown in the UI language. */
export function toEditorState(content: ProcedureContent, changeNote: string, language: Language): EditorState {
  const { fields: f, internal: n } = content;
  return {
    change_note: changeNote,
    fields: {
      name: f.name,
      related: textRows(f.related),
      information_produced_on: f.information_produced_on ?? '',
      short_description: f.short_description,
      steps: f.steps.map((step) => withKey(step)),
      electronic_activities: textRows(f.electronic_activities),
      useful_information: textRows(f.useful_information),
      handling: f.handling,
      additional_information: f.additional_information,
      time_limit: f.time_limit,
      place: f.place,
      booking: f.booking,
      no_fees: f.fees.kind === 'none',
      fees: (f.fees.kind === 'items' ? f.fees.items : []).map((fee) =>
        withKey({ kind: fee.kind, amount: plnInput(fee.amount_grosze, language), account: fee.account, remarks: fee.remarks }),
      ),
      submission_forms: f.submission_forms,
      submission_deadline: f.submission_deadline,
      to_submit: documentRows(f.documents.to_submit),
      to_show: documentRows(f.documents.to_show),
      other_documents: f.other_documents.map((document) => withKey(document)),
      legal_basis: f.legal_basis,
      appeal: f.appeal,
      reuse_conditions: f.reuse_conditions,
      authors: textRows(f.authors),
      organisational_cell: f.organisational_cell,
      topics: [...f.topics],
    },
    internal: {
      internal: n.internal,
      valid_from: n.valid_from ?? '',
      valid_until: n.valid_until ?? '',
      staff_phones: n.staff_phones.map((phone) => withKey(phone)),
      call_centre_description: n.call_centre_description,
      faq: n.faq.map((faq) => withKey(faq)),
      other: n.other,
      owner: n.owner,
      coordinators: n.coordinators.map((coordinator) => withKey(coordinator)),
      edm: n.edm,
    },
  };
}

/** An empty description for a new procedure. */
export function emptyEditorState(language: Language): EditorState {
  return toEditorState(emptyContent(), '', language);
}

/** The path of a fee's amount, where both the API and the editor report a wrong one. */
export const feeAmountPath = (index: number) => `content.fields.fees.items[${String(index)}].amount_grosze`;

/**
 * The description to send, and what is wrong before sending (amounts that are not amounts),
 * by the API's field path. Empty dates are sent as none.
 */
export function toContent(state: EditorState): { content: ProcedureContent; errors: Record<string, string> } {
  const { fields: f, internal: n } = state;
  const errors: Record<string, string> = {};
  const items = f.fees.map((fee, index) => {
    const amount = parsePln(fee.amount);
    if (amount === null) errors[feeAmountPath(index)] = fee.amount.trim() === '' ? 'required' : 'invalid_amount';
    return { kind: fee.kind, amount_grosze: amount ?? 0, account: fee.account, remarks: fee.remarks };
  });
  const content: ProcedureContent = {
    fields: {
      name: f.name,
      related: texts(f.related).filter((id) => id !== ''),
      information_produced_on: f.information_produced_on === '' ? null : f.information_produced_on,
      short_description: f.short_description,
      steps: f.steps.map((step) => ({ name: step.name, comment: step.comment ?? '', electronic: step.electronic })),
      electronic_activities: texts(f.electronic_activities),
      useful_information: texts(f.useful_information),
      handling: f.handling,
      additional_information: f.additional_information,
      time_limit: f.time_limit,
      place: f.place,
      booking: f.booking,
      fees: f.no_fees ? { kind: 'none' } : { kind: 'items', items },
      submission_forms: f.submission_forms,
      submission_deadline: f.submission_deadline,
      documents: { to_submit: documents(f.to_submit), to_show: documents(f.to_show) },
      other_documents: f.other_documents.map((document) => withoutKey(document)),
      legal_basis: f.legal_basis,
      appeal: f.appeal,
      reuse_conditions: f.reuse_conditions,
      authors: texts(f.authors),
      organisational_cell: f.organisational_cell,
      topics: f.topics,
    },
    internal: {
      internal: n.internal,
      valid_from: n.valid_from === '' ? null : n.valid_from,
      valid_until: n.valid_until === '' ? null : n.valid_until,
      staff_phones: n.staff_phones.map((phone) => withoutKey(phone)),
      call_centre_description: n.call_centre_description,
      faq: n.faq.map((faq) => withoutKey(faq)),
      other: n.other,
      owner: n.owner,
      coordinators: n.coordinators.map((coordinator) => withoutKey(coordinator)),
      edm: n.edm,
    },
  };
  return { content, errors };
}

const at = (list: string, index: number) => `${list}[${String(index)}]`;

/**
 * Every path the editor has an input (or a group of inputs) for, as the API names them in
 * its errors: an error is shown at its path, or at the closest group above it.
 */
export function editorPaths(state: EditorState): Set<string> {
  const { fields: f, internal: n } = state;
  const paths = new Set<string>(['change_note']);
  const add = (...names: string[]) => {
    for (const name of names) paths.add(`content.${name}`);
  };
  const list = (name: string, rows: readonly unknown[], parts: readonly string[] = []) => {
    add(name);
    rows.forEach((_, index) => {
      if (parts.length === 0) add(at(name, index));
      for (const part of parts) add(`${at(name, index)}.${part}`);
    });
  };
  add(
    'fields.name',
    'fields.information_produced_on',
    'fields.short_description',
    'fields.handling',
    'fields.additional_information',
    'fields.time_limit',
    'fields.place',
    'fields.booking',
    'fields.submission_forms',
    'fields.submission_deadline',
    'fields.legal_basis',
    'fields.appeal',
    'fields.reuse_conditions',
    'fields.organisational_cell',
    'fields.topics',
  );
  list('fields.related', f.related);
  list('fields.steps', f.steps, ['name', 'comment']);
  list('fields.electronic_activities', f.electronic_activities);
  list('fields.useful_information', f.useful_information);
  list('fields.authors', f.authors);
  add('fields.fees');
  if (!f.no_fees) list('fields.fees.items', f.fees, ['kind', 'amount_grosze', 'account', 'remarks']);
  paths.delete('content.fields.fees.items');
  for (const group of ['to_submit', 'to_show'] as const) {
    const name = `fields.documents.${group}`;
    list(name, f[group], ['name', 'file_id', 'sample_file_id']);
    f[group].forEach((document, index) => {
      list(`${at(name, index)}.e_forms`, document.e_forms, ['platform', 'url']);
    });
  }
  list('fields.other_documents', f.other_documents, ['name', 'file_id']);
  add('internal.internal', 'internal.valid_from', 'internal.valid_until', 'internal.call_centre_description');
  add('internal.other', 'internal.owner', 'internal.edm');
  list('internal.staff_phones', n.staff_phones, ['name', 'phone']);
  list('internal.faq', n.faq, ['question', 'answer']);
  list('internal.coordinators', n.coordinators, ['cell', 'name']);
  return paths;
}

/** The id of the input (or group) for a path, for labels and the links of the error summary. */
export function inputId(path: string): string {
  return `kb-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}
