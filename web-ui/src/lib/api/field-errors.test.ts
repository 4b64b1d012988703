import { describe, expect, it } from 'vitest';
import { problemResponse } from '@/testing/test-utils';
import { ApiError, type Problem } from './errors';
import { formErrorsOf } from './field-errors';

async function apiError(problem: Problem, headers: Record<string, string> = {}): Promise<ApiError> {
  const response = problemResponse(problem, headers);
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

describe('formErrorsOf', () => {
  it('has nothing to say when there is no error', () => {
    expect(formErrorsOf(null, ['email'])).toEqual({ fields: {}, form: undefined });
  });

  it('puts each field error of a 422 problem on its field, the first one per field', async () => {
    const error = await apiError(
      validation([
        { field: 'password', code: 'too_short', message: 'At least 10.' },
        { field: 'password', code: 'too_common', message: 'Common.' },
        { field: 'email', code: 'invalid_email', message: 'Not an email.' },
      ]),
    );

    expect(formErrorsOf(error, ['email', 'password', 'first_name'])).toEqual({
      fields: { password: { code: 'too_short' }, email: { code: 'invalid_email' } },
      form: undefined,
    });
  });

  it('makes an error for a field the form lacks the form’s error', async () => {
    const error = await apiError(
      validation([
        { field: 'first_name', code: 'required', message: 'Required.' },
        { field: 'accepted_terms_version', code: 'outdated_terms', message: 'Accept 6.5.' },
      ]),
    );

    expect(formErrorsOf(error, ['first_name'])).toEqual({
      fields: { first_name: { code: 'required' } },
      form: { code: 'outdated_terms' },
    });
  });

  it('leaves the errors of fields another step shows to that step', async () => {
    const error = await apiError(
      validation([
        { field: 'photos[1]', code: 'unsupported_type', message: 'Not an image.' },
        { field: 'location', code: 'outside_city', message: 'Outside the city.' },
      ]),
    );
    const elsewhere = (field: string) => field.startsWith('photos');

    expect(formErrorsOf(error, ['location'], {}, elsewhere)).toEqual({
      fields: { location: { code: 'outside_city' } },
      form: undefined,
    });
    expect(formErrorsOf(error, ['title'], {}, (field) => field !== 'title')).toEqual({ fields: {}, form: undefined });
  });

  it('gives other problems to the form, with the wait of a 429', async () => {
    const error = await apiError(
      {
        type: 'urn:kontakt:problem:too_many_attempts',
        title: 'Too Many Requests',
        status: 429,
        detail: 'Too many attempts. Try again in 120 seconds.',
        code: 'too_many_attempts',
      },
      { 'Retry-After': '120' },
    );

    expect(formErrorsOf(error, ['email', 'password'])).toEqual({
      fields: {},
      form: { code: 'too_many_attempts', retryAfter: 120 },
    });
  });

  it('ties a problem to a field when the form says so', async () => {
    const error = await apiError({
      type: 'urn:kontakt:problem:wrong_password',
      title: 'Forbidden',
      status: 403,
      detail: 'Wrong password.',
      code: 'wrong_password',
    });

    expect(formErrorsOf(error, ['password'], { wrong_password: 'password' })).toEqual({
      fields: { password: { code: 'wrong_password' } },
      form: undefined,
    });
  });

  it('reports a failure without an answer as a network problem', () => {
    expect(formErrorsOf(new TypeError('Failed to fetch'), ['email'])).toEqual({ fields: {}, form: { code: 'network' } });
  });

  it('names an error status without a problem document by its status', () => {
    const error = new ApiError(new Response('Bad gateway', { status: 502 }), 'Bad gateway');
    expect(formErrorsOf(error, [])).toEqual({ fields: {}, form: { code: 'http_502', retryAfter: undefined } });
  });
});
