import { describe, expect, it } from 'vitest';
import { ApiError, type Problem } from '@/lib/api/errors';
import { problemResponse } from '@/testing/test-utils';
import { firstStepWithError, photoErrors, STEPS, stepOfField } from './steps';

async function validation(errors: Problem['errors']): Promise<ApiError> {
  const response = problemResponse({
    type: 'urn:kontakt:problem:validation_failed',
    title: 'Unprocessable Entity',
    status: 422,
    detail: 'Some fields are wrong.',
    code: 'validation_failed',
    errors,
  });
  return new ApiError(response, await response.json());
}

describe('the steps of API errors', () => {
  it('places each field the API names in the step that asks for it', () => {
    expect(stepOfField('category')).toBe('category');
    expect(stepOfField('location')).toBe('place');
    expect(stepOfField('location.lat')).toBe('place');
    expect(stepOfField('address')).toBe('place');
    expect(stepOfField('title')).toBe('details');
    expect(stepOfField('field_values.size_cm')).toBe('details');
    expect(stepOfField('photos')).toBe('photos');
    expect(stepOfField('photos[3]')).toBe('photos');
    expect(stepOfField('contact.consent')).toBe('contact');
    expect(stepOfField('idempotency_key')).toBe('summary');
  });

  it('sends the resident to the first step with a wrong field, or to the summary', async () => {
    const error = await validation([
      { field: 'photos[1]', code: 'unsupported_type', message: 'Not an image.' },
      { field: 'location', code: 'outside_city', message: 'Outside.' },
    ]);
    expect(firstStepWithError(error, STEPS)).toBe('place');
    expect(firstStepWithError(new TypeError('Failed to fetch'), STEPS)).toBe('summary');
    expect(photoErrors(error)).toEqual(new Map([[1, 'unsupported_type']]));
  });
});
