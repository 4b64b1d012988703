import { describe, expect, it } from 'vitest';
import { ApiError, type Problem } from '@/lib/api/errors';
import { problemResponse } from '@/testing/test-utils';
import { placeErrors, withoutErrorsUnder } from './editor-errors';

async function apiError(problem: Problem): Promise<ApiError> {
  const response = problemResponse(problem);
  return new ApiError(response, await response.json());
}

const validation = (errors: Problem['errors']): Problem => ({
  type: 'urn:kontakt:problem:validation_failed',
  title: 'Unprocessable Entity',
  status: 422,
  detail: 'Some fields are wrong.',
  code: 'validation_failed',
  errors,
});

const targets = new Set([
  'content.fields.name',
  'content.fields.steps',
  'content.fields.steps[0].name',
  'content.fields.steps[0].comment',
  'content.fields.fees',
  'content.fields.fees.items[0].amount_grosze',
  'content.fields.topics',
]);

describe('placeErrors', () => {
  it('puts each error of the API at its input, the first per input', async () => {
    const error = await apiError(
      validation([
        { field: 'content.fields.steps[0].name', code: 'too_long', message: 'At most 40.' },
        { field: 'content.fields.steps[0].name', code: 'required', message: 'Required.' },
        { field: 'content.fields.fees.items[0].amount_grosze', code: 'invalid_amount', message: 'More than 0.' },
        { field: 'content.fields.topics[1]', code: 'unknown_topic', message: 'No such topic.' },
      ]),
    );
    expect(placeErrors(error, targets)).toEqual({
      byPath: {
        'content.fields.steps[0].name': 'too_long',
        'content.fields.fees.items[0].amount_grosze': 'invalid_amount',
        'content.fields.topics': 'unknown_topic',
      },
      unplaced: [],
      form: undefined,
    });
  });

  it('lists the errors the form has no input for', async () => {
    const error = await apiError(validation([{ field: 'content.internal.owner', code: 'required', message: 'Required.' }]));
    expect(placeErrors(error, targets)).toEqual({
      byPath: {},
      unplaced: [{ path: 'content.internal.owner', code: 'required' }],
      form: undefined,
    });
  });

  it('gives other problems to the form as a whole', async () => {
    const error = await apiError({
      type: 'urn:kontakt:problem:not_editable',
      title: 'Conflict',
      status: 409,
      detail: 'In review.',
      code: 'not_editable',
    });
    expect(placeErrors(error, targets).form).toBe('not_editable');
    expect(placeErrors(new TypeError('Failed to fetch'), targets).form).toBe('network');
  });
});

describe('withoutErrorsUnder', () => {
  it('drops the errors of a list whose items moved, and keeps the others', () => {
    const errors = {
      byPath: {
        'content.fields.steps': 'required',
        'content.fields.steps[0].name': 'too_long',
        'content.fields.steps_extra': 'x',
        'content.fields.name': 'required',
      },
      unplaced: [],
      form: undefined,
    };
    expect(withoutErrorsUnder(errors, 'content.fields.steps').byPath).toEqual({
      'content.fields.steps_extra': 'x',
      'content.fields.name': 'required',
    });
  });
});
