import { describe, expect, it } from 'vitest';
import { formatPln, parsePln, plnInput } from './money';

describe('parsePln', () => {
  it.each([
    ['20,00', 2000],
    ['20.00', 2000],
    ['20', 2000],
    ['20,5', 2050],
    ['0,07', 7],
    ['17 zł', 1700],
    ['17,00 PLN', 1700],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['  98,00  ', 9800],
  ])('reads %j as %i grosze', (input, grosze) => {
    expect(parsePln(input)).toBe(grosze);
  });

  it.each(['', 'abc', '20,001', '-5', '20,,0', '1.234,56', ',50'])('refuses %j', (input) => {
    expect(parsePln(input)).toBeNull();
  });
});

describe('plnInput', () => {
  it('writes grosze as złoty to type, with the language’s decimal separator', () => {
    expect(plnInput(2000, 'pl')).toBe('20,00');
    expect(plnInput(7, 'pl')).toBe('0,07');
    expect(plnInput(123456, 'en')).toBe('1234.56');
  });

  it('reads back what it writes', () => {
    for (const grosze of [1, 99, 100, 1700, 123456]) {
      expect(parsePln(plnInput(grosze, 'pl'))).toBe(grosze);
      expect(parsePln(plnInput(grosze, 'en'))).toBe(grosze);
    }
  });
});

describe('formatPln', () => {
  // Intl separates thousands and the currency with (narrow) no-break spaces.
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  it('formats grosze as money in Polish', () => {
    expect(plain(formatPln(2000, 'pl'))).toBe('20,00 zł');
    expect(plain(formatPln(123450, 'pl'))).toBe('1234,50 zł');
    expect(plain(formatPln(1234500, 'pl'))).toBe('12 345,00 zł');
  });

  it('formats grosze as money in English', () => {
    expect(plain(formatPln(2000, 'en'))).toBe('PLN 20.00');
    expect(plain(formatPln(123450, 'en'))).toBe('PLN 1,234.50');
  });
});
