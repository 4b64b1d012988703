import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { valueText, type DiffContext } from './diff-text';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function context(language: 'pl' | 'en'): DiffContext {
  return {
    t: i18n.getFixedT(language),
    language,
    topicName: (slug) => (slug === 'documents-and-residence' ? 'Dokumenty i meldunek' : undefined),
    procedureName: (id) => (id === 'p-1' ? 'Wymiana prawa jazdy' : undefined),
    fileName: (id) => (id === 'f-1' ? 'wniosek.pdf' : undefined),
  };
}

const fee = {
  kind: 'Abonament postojowy — miesięczny',
  amount_grosze: 9800,
  account: '61 1090 1014 0000 0712 1981 2874',
  remarks: '',
};

describe('valueText', () => {
  it('shows a fee as kind — amount — account', () => {
    expect(plain(valueText('fields.fees.items[0]', fee, context('pl')))).toBe(
      'Abonament postojowy — miesięczny — 98,00 zł — 61 1090 1014 0000 0712 1981 2874',
    );
    expect(plain(valueText('fields.fees.items[0]', { ...fee, remarks: 'za miesiąc' }, context('en')))).toBe(
      'Abonament postojowy — miesięczny — PLN 98.00 — 61 1090 1014 0000 0712 1981 2874 — za miesiąc',
    );
  });

  it('shows fees switched to none, and a whole list of fees', () => {
    expect(valueText('fields.fees', { kind: 'none' }, context('pl'))).toBe('brak opłat');
    expect(plain(valueText('fields.fees', { kind: 'items', items: [fee, { ...fee, amount_grosze: 100 }] }, context('pl')))).toBe(
      `${plain(valueText('fields.fees.items[0]', fee, context('pl')))}; Abonament postojowy — miesięczny — 1,00 zł — 61 1090 1014 0000 0712 1981 2874`,
    );
  });

  it('shows a step with its comment and the @ mark', () => {
    expect(valueText('fields.steps[1]', { name: 'Złożenie wniosku', comment: 'osobiście', electronic: true }, context('pl'))).toBe(
      'Złożenie wniosku — osobiście — @ możliwe elektronicznie',
    );
    expect(valueText('fields.steps[0]', { name: 'Odbiór', comment: null, electronic: false }, context('pl'))).toBe('Odbiór');
  });

  it('shows a document with its file names and electronic forms', () => {
    const document = {
      name: 'Wniosek o wydanie dowodu',
      file_id: 'f-1',
      sample_file_id: null,
      e_forms: [{ platform: 'ePUAP', url: 'https://epuap.gov.pl/x' }],
    };
    expect(valueText('fields.documents.to_submit[0]', document, context('pl'))).toBe(
      'Wniosek o wydanie dowodu — plik: wniosek.pdf — ePUAP: https://epuap.gov.pl/x',
    );
  });

  it('names topics and related procedures, and formats dates and yes/no', () => {
    expect(valueText('fields.topics[0]', 'documents-and-residence', context('pl'))).toBe('Dokumenty i meldunek');
    expect(valueText('fields.related[0]', 'p-1', context('pl'))).toBe('Wymiana prawa jazdy');
    expect(valueText('fields.related[1]', 'p-2', context('pl'))).toBe('p-2');
    expect(valueText('internal.valid_from', '2026-12-01', context('pl'))).toBe('1 grudnia 2026');
    expect(valueText('internal.edm', true, context('en'))).toBe('Yes');
    expect(valueText('fields.topics', ['documents-and-residence'], context('pl'))).toBe('Dokumenty i meldunek');
  });

  it('shows texts as they are and an empty value as empty', () => {
    expect(valueText('fields.name', 'Wydanie dowodu osobistego', context('pl'))).toBe('Wydanie dowodu osobistego');
    expect(valueText('fields.time_limit', '', context('pl'))).toBe('(puste)');
    expect(valueText('internal.valid_until', null, context('en'))).toBe('(empty)');
  });

  it('shows staff records by their main fields', () => {
    expect(valueText('internal.staff_phones[0]', { name: 'Anna Nowak', phone: '42 638 40 00' }, context('pl'))).toBe(
      'Anna Nowak — 42 638 40 00',
    );
    expect(valueText('internal.coordinators[0]', { cell: 'Oddział A', name: 'Jan Kowalski' }, context('pl'))).toBe(
      'Oddział A — Jan Kowalski',
    );
    expect(valueText('internal.faq[0]', { question: 'Ile to trwa?', answer: 'Miesiąc.' }, context('pl'))).toBe(
      'Ile to trwa? — Miesiąc.',
    );
  });
});
