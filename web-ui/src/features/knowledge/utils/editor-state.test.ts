import { describe, expect, it } from 'vitest';
import type { ProcedureContent } from '../api/types';
import { editorPaths, emptyEditorState, feeAmountPath, inputId, toContent, toEditorState } from './editor-state';
import { moved } from './rows';

const content: ProcedureContent = {
  fields: {
    name: 'Abonament postojowy',
    related: ['7b0f0a57-8a8d-4c5b-9f51-6f0c8a4b1a01'],
    information_produced_on: '2026-11-02',
    short_description: 'Abonament dla mieszkańców strefy płatnego parkowania.',
    steps: [
      { name: 'Złożenie wniosku', comment: 'online lub w urzędzie', electronic: true },
      { name: 'Odbiór', comment: null, electronic: false },
    ],
    electronic_activities: ['Złożenie wniosku'],
    useful_information: ['parkowanie', 'abonament'],
    handling: 'Abonament jest wydawany od ręki.',
    additional_information: '',
    time_limit: 'od ręki',
    place: 'ul. Piotrkowska 110',
    booking: 'nie dotyczy',
    fees: { kind: 'items', items: [{ kind: 'miesięczny', amount_grosze: 9800, account: '61 1090 1014 0000 0712 1981 2874', remarks: '' }] },
    submission_forms: 'osobiście',
    submission_deadline: 'brak',
    documents: {
      to_submit: [{ name: 'Wniosek', file_id: 'a1', sample_file_id: null, e_forms: [{ platform: 'ePUAP', url: 'https://epuap.gov.pl' }] }],
      to_show: [],
    },
    other_documents: [{ name: 'Regulamin', file_id: null }],
    legal_basis: 'Ustawa o drogach publicznych',
    appeal: 'brak',
    reuse_conditions: '',
    authors: ['Anna Nowak'],
    organisational_cell: 'Oddział Parkowania',
    topics: ['transport-and-roads'],
  },
  internal: {
    internal: false,
    valid_from: null,
    valid_until: '2027-12-31',
    staff_phones: [{ name: 'Anna Nowak', phone: '42 638 40 00' }],
    call_centre_description: '',
    faq: [{ question: 'Ile kosztuje?', answer: '98 zł' }],
    other: '',
    owner: 'Jan Kowalski',
    coordinators: [{ cell: 'Oddział Parkowania', name: 'Anna Nowak' }],
    edm: true,
  },
};

describe('the editor’s state', () => {
  it('sends back what it was given', () => {
    const state = toEditorState(content, 'Nowa stawka', 'pl');
    expect(state.fields.fees[0]?.amount).toBe('98,00');
    const { content: sent, errors } = toContent(state);
    expect(errors).toEqual({});
    expect(sent).toEqual({
      ...content,
      fields: { ...content.fields, steps: content.fields.steps.map((step) => ({ ...step, comment: step.comment ?? '' })) },
    });
  });

  it('sends an amount typed in złoty as grosze, and reports one that is not an amount', () => {
    const state = toEditorState(content, '', 'pl');
    const fee = state.fields.fees[0];
    if (!fee) throw new Error('no fee');
    const changed = (amount: string) => ({ ...state, fields: { ...state.fields, fees: [{ ...fee, amount }] } });

    const sent = toContent(changed('120,50')).content.fields.fees;
    expect(sent).toEqual({ kind: 'items', items: [{ kind: 'miesięczny', amount_grosze: 12050, account: fee.account, remarks: '' }] });
    expect(toContent(changed('12 zł 50')).errors).toEqual({ [feeAmountPath(0)]: 'invalid_amount' });
    expect(toContent(changed('')).errors).toEqual({ [feeAmountPath(0)]: 'required' });
  });

  it('sends "no fees" as the explicit none', () => {
    const state = toEditorState(content, '', 'pl');
    expect(toContent({ ...state, fields: { ...state.fields, no_fees: true } }).content.fields.fees).toEqual({ kind: 'none' });
  });

  it('sends empty dates as none, and a new description with empty lists', () => {
    const { content: sent } = toContent(emptyEditorState('pl'));
    expect(sent.fields.information_produced_on).toBeNull();
    expect(sent.internal.valid_from).toBeNull();
    expect(sent.fields.steps).toEqual([]);
    expect(sent.fields.fees).toEqual({ kind: 'items', items: [] });
  });

  it('keeps each item’s key when items move', () => {
    const state = toEditorState(content, '', 'pl');
    const keys = state.fields.steps.map((step) => step.key);
    const reordered = moved(state.fields.steps, 1, 0);
    expect(reordered.map((step) => step.key)).toEqual([keys[1], keys[0]]);
    expect(toContent({ ...state, fields: { ...state.fields, steps: reordered } }).content.fields.steps[0]?.name).toBe('Odbiór');
  });
});

describe('editorPaths', () => {
  it('lists the inputs and groups of the form by the API’s paths', () => {
    const paths = editorPaths(toEditorState(content, '', 'pl'));
    for (const path of [
      'content.fields.name',
      'content.fields.steps',
      'content.fields.steps[1].comment',
      'content.fields.fees',
      'content.fields.fees.items[0].amount_grosze',
      'content.fields.documents.to_submit[0].e_forms[0].url',
      'content.fields.other_documents[0].file_id',
      'content.fields.related[0]',
      'content.internal.faq[0].answer',
      'content.internal.coordinators[0].cell',
      'change_note',
    ]) {
      expect(paths, path).toContain(path);
    }
    // The fees' items are no group of their own: their list's errors belong to the fees.
    expect(paths).not.toContain('content.fields.fees.items');
    expect(paths).not.toContain('content.fields.steps[2].name');
  });

  it('has no inputs for fee items when there are no fees', () => {
    const state = toEditorState(content, '', 'pl');
    const paths = editorPaths({ ...state, fields: { ...state.fields, no_fees: true } });
    expect(paths).not.toContain('content.fields.fees.items[0].amount_grosze');
    expect(paths).toContain('content.fields.fees');
  });
});

describe('inputId', () => {
  it('makes an element id of a path', () => {
    expect(inputId('content.fields.steps[0].name')).toBe('kb-content-fields-steps-0-name');
    expect(inputId('change_note')).toBe('kb-change-note');
  });
});
