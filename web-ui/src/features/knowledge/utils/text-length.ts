/**
 * The length the template limits, counted as the server counts it: characters including
 * spaces, after trimming and after composing accents (NFC), so "ą" typed as "a" and a
 * combining ogonek is one character, as are letters outside the basic plane.
 */
export function characterCount(value: string): number {
  return Array.from(value.trim().normalize('NFC')).length;
}

/** The limits of the template ("Wzór opisu procedury"), as the API checks them. */
export const LIMITS = {
  name: 160,
  shortDescription: 650,
  stepName: 40,
  stepComment: 75,
} as const;
