import { describe, expect, it } from 'vitest';
import { filterOf, pageOf, paramsOf } from './queue-filter';

describe('the queue filters in the address', () => {
  it('reads every filter', () => {
    const params = new URLSearchParams(
      'status=accepted&category=road-damage&unit=zarzad-drog-i-transportu&channel=phone&overdue=true&from=2026-11-01&to=2026-11-30&sort=newest',
    );
    expect(filterOf(params)).toEqual({
      status: 'accepted',
      category: 'road-damage',
      unit: 'zarzad-drog-i-transportu',
      channel: 'phone',
      overdue: true,
      from: '2026-11-01',
      to: '2026-11-30',
      sort: 'newest',
    });
  });

  it('leaves out what is malformed', () => {
    const params = new URLSearchParams('status=lost&category=Road%20damage&channel=pigeon&overdue=maybe&from=1.11.2026&sort=random');
    expect(filterOf(params)).toEqual({});
  });

  it('keeps "not overdue" apart from no choice', () => {
    expect(filterOf(new URLSearchParams('overdue=false'))).toEqual({ overdue: false });
    expect(paramsOf({ overdue: false })).toEqual({ overdue: 'false' });
  });

  it('writes back only what was chosen, without the default order', () => {
    expect(paramsOf({ status: 'new', category: '', sort: 'deadline', to: '2026-11-30' })).toEqual({ status: 'new', to: '2026-11-30' });
    expect(filterOf(new URLSearchParams(paramsOf({ sort: 'oldest', unit: 'a-b' })))).toEqual({ sort: 'oldest', unit: 'a-b' });
  });

  it('reads the page number', () => {
    expect(pageOf('3')).toBe(3);
    expect(pageOf('0')).toBe(1);
    expect(pageOf('x')).toBe(1);
    expect(pageOf(null)).toBe(1);
  });
});
