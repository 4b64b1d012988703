import { describe, expect, it } from 'vitest';
import { filterOf, paramsOf, rangeProblem } from './stats-filter';

describe('the statistics filter in the address', () => {
  it('keeps well-formed values and leaves the rest out', () => {
    const params = new URLSearchParams('from=2026-01-01&to=2026-13&unit=zdit&category=Road%20damage&channel=fax&page=2');
    expect(filterOf(params)).toEqual({ from: '2026-01-01', unit: 'zdit' });
    expect(filterOf(new URLSearchParams('channel=in_person&category=road-damage'))).toEqual({ channel: 'in_person', category: 'road-damage' });
  });

  it('writes only the chosen values, in a fixed order', () => {
    expect(paramsOf({ channel: 'phone', unit: 'zzm', from: '', to: '2026-06-30' })).toEqual({ to: '2026-06-30', unit: 'zzm', channel: 'phone' });
    expect(new URLSearchParams(paramsOf(filterOf(new URLSearchParams('channel=phone&from=2026-01-01')))).toString()).toBe(
      'from=2026-01-01&channel=phone',
    );
  });
});

describe('a range the API would refuse', () => {
  it('starts after it ends', () => {
    expect(rangeProblem({ from: '2026-12-01', to: '2026-11-30' })).toEqual({ field: 'from', code: 'after_to' });
  });

  it('is longer than three years', () => {
    expect(rangeProblem({ from: '2023-01-01', to: '2026-01-03' })).toBeUndefined();
    expect(rangeProblem({ from: '2023-01-01', to: '2026-01-04' })).toEqual({ field: 'to', code: 'too_long' });
  });

  it('is not judged with one end open (the API fills it in)', () => {
    expect(rangeProblem({ from: '2020-01-01' })).toBeUndefined();
    expect(rangeProblem({})).toBeUndefined();
  });
});
