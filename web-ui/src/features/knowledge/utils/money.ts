import type { Language } from '@/config/languages';

/**
 * An amount in złoty as an editor types it ("20,00", "20.5", "1 234,56", "17 zł") in grosze,
 * or null when it is not an amount of at most two decimal places.
 */
export function parsePln(input: string): number | null {
  const compact = input
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(zł|pln)$/i, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Grosze as an editor types złoty: "20,00" in Polish, "20.00" in English. */
export function plnInput(grosze: number, language: Language): string {
  const separator = language === 'pl' ? ',' : '.';
  const whole = Math.trunc(grosze / 100);
  const fraction = String(Math.abs(grosze % 100)).padStart(2, '0');
  return `${String(whole)}${separator}${fraction}`;
}

/** Grosze as money in the UI language: "1 234,50 zł" in Polish, "PLN 1,234.50" in English. */
export function formatPln(grosze: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'PLN' }).format(grosze / 100);
}
