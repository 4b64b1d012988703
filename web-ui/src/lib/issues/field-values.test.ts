import { describe, expect, it } from 'vitest';
import { roadDamage } from '@/testing/issue-fixtures';
import { readFieldValues, type FormReader } from './field-values';

/** A submitted form with these values (lists for groups of checkboxes). */
function form(values: Record<string, string | string[]>): FormReader {
  return {
    text: (name) => {
      const value = values[name];
      return typeof value === 'string' ? value : '';
    },
    all: (name) => {
      const value = values[name];
      return Array.isArray(value) ? value : [];
    },
  };
}

const valid = { 'field_values.surface': 'road', 'field_values.blocking': 'false' };

describe('readFieldValues', () => {
  it('reads every kind of field into the value the API takes, leaving empty optional fields out', () => {
    const { values, problems } = readFieldValues(
      roadDamage.fields,
      form({
        ...valid,
        'field_values.size_cm': '12,5',
        'field_values.dangerous': 'true',
        'field_values.causes': ['frost', 'works'],
        'field_values.since': '2026-11-01',
        'field_values.note': '  słupek 7 ',
      }),
    );

    expect(problems).toEqual({});
    expect(values).toEqual({
      surface: 'road',
      size_cm: 12.5,
      dangerous: true,
      blocking: false,
      causes: ['frost', 'works'],
      since: '2026-11-01',
      note: 'słupek 7',
    });
    expect(readFieldValues(roadDamage.fields, form(valid)).values).toEqual({ surface: 'road', blocking: false });
  });

  it('requires the required fields: a select, and a yes/no that must be answered either way', () => {
    expect(readFieldValues(roadDamage.fields, form({})).problems).toEqual({
      'field_values.surface': { code: 'required' },
      'field_values.blocking': { code: 'required' },
    });
  });

  it('keeps numbers within their bounds', () => {
    const problems = (size: string) => readFieldValues(roadDamage.fields, form({ ...valid, 'field_values.size_cm': size })).problems;

    expect(problems('0')).toEqual({ 'field_values.size_cm': { code: 'too_small', min: 1 } });
    expect(problems('1000.5')).toEqual({ 'field_values.size_cm': { code: 'too_large', max: 1000 } });
    expect(problems('dużo')).toEqual({ 'field_values.size_cm': { code: 'not_a_number' } });
    expect(problems('1')).toEqual({});
    expect(problems('1000')).toEqual({});
  });

  it('takes only the options a select offers', () => {
    expect(readFieldValues(roadDamage.fields, form({ ...valid, 'field_values.surface': 'sky' })).problems).toEqual({
      'field_values.surface': { code: 'invalid_option' },
    });
    expect(
      readFieldValues(roadDamage.fields, form({ ...valid, 'field_values.causes': ['frost', 'meteor'] })).problems,
    ).toEqual({ 'field_values.causes': { code: 'invalid_option' } });
  });

  it('refuses texts over their length (counted in characters) and days that do not exist', () => {
    expect(readFieldValues(roadDamage.fields, form({ ...valid, 'field_values.note': 'żółć żółć ż' })).problems).toEqual({
      'field_values.note': { code: 'too_long', max: 10 },
    });
    expect(readFieldValues(roadDamage.fields, form({ ...valid, 'field_values.note': 'żółć żółć!' })).problems).toEqual({});
    expect(readFieldValues(roadDamage.fields, form({ ...valid, 'field_values.since': '2026-02-30' })).problems).toEqual({
      'field_values.since': { code: 'invalid_date' },
    });
  });
});
