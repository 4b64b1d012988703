import { describe, expect, it } from 'vitest';
import { characterCount, LIMITS } from './text-length';

describe('characterCount', () => {
  it('counts Polish letters once each', () => {
    expect(characterCount('Zażółć gęślą jaźń')).toBe(17);
  });

  it('counts a letter typed with a combining accent as one, as the server does (NFC)', () => {
    const decomposed = 'z\u0301o\u0301łw'; // "źółw"
    expect(decomposed.length).toBe(6);
    expect(characterCount(decomposed)).toBe(4);
    expect(characterCount('a\u0328')).toBe(1); // "ą"
  });

  it('counts spaces inside but not around the text (the server trims)', () => {
    expect(characterCount('  Wydanie dowodu  ')).toBe(14);
    expect(characterCount('\n\t ')).toBe(0);
  });

  it('counts characters outside the basic plane once', () => {
    expect(characterCount('🙂')).toBe(1);
  });

  it('puts a step name of 40 Polish letters at the limit and 41 over it', () => {
    expect(characterCount('ż'.repeat(LIMITS.stepName))).toBe(40);
    expect(characterCount('z\u0307'.repeat(LIMITS.stepName + 1))).toBeGreaterThan(LIMITS.stepName);
  });
});
