// Build-time salience (src/build/corpus/salience.ts): the subject of a story is `about`, a passing name `mentions`.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formPattern, salienceRoles, salienceScore, salienceSignals } from '../../src/build/corpus/salience.js';
import type { Article } from '../../src/build/model.js';

const article: Article = {
  id: '189017ad2c526773',
  source: '000_189017ad2c526773.txt',
  date: '2025-06-07',
  title: 'Tesla shares fall after weaker deliveries in Europe',
  summary: 'Tesla shares fell 6% on Tuesday after the carmaker reported falling deliveries in Europe.',
  blocks: [
    {
      kind: 'paragraph',
      text: 'Tesla shares fell 6% on Tuesday after the carmaker reported falling deliveries in Europe.',
    },
    { kind: 'paragraph', text: 'Analysts said Tesla faces cheaper rivals. Tesla did not comment.' },
    { kind: 'paragraph', text: 'Its chief executive, Elon Musk, has been busy elsewhere, an Oxford analyst said.' },
  ],
};

describe('salience', () => {
  it('reads headline, lead, share and first position from the text and the mention', () => {
    const tesla = salienceSignals(article, { forms: ['Tesla'], count: 4 }, 4);
    expect(tesla).toEqual({ headline: true, lead: true, share: 1, early: 1 });
    const musk = salienceSignals(article, { forms: ['Elon Musk', 'Musk'], count: 1 }, 4);
    expect(musk).toMatchObject({ headline: false, lead: false, share: 0.25 });
    expect(musk.early).toBeGreaterThan(0);
    expect(musk.early).toBeLessThan(0.5);
    expect(salienceScore(tesla)).toBeCloseTo(1);
  });

  it('matches whole words only: "Ford" is not in "Oxford"', () => {
    expect(salienceSignals(article, { forms: ['Ford'], count: 1 }, 4).early).toBe(0);
  });

  it('marks the subject about and a passing name mentions', () => {
    const roles = salienceRoles(article, [
      { forms: ['Tesla'], count: 4 },
      { forms: ['Elon Musk'], count: 1 },
      { forms: ['Oxford'], count: 1 },
    ]);
    expect(roles).toEqual(['about', 'mentions', 'mentions']);
  });
});

describe('salience form search', () => {
  // The reference: the whole-word pattern, searched by the regular expression engine.
  const byPattern = (forms: string[], text: string) => {
    const pattern = formPattern(forms);
    return pattern ? text.search(pattern) : -1;
  };
  const early = (forms: string[], text: string) =>
    salienceSignals(
      { ...article, title: text, summary: text, blocks: [{ kind: 'paragraph', text }] },
      { forms, count: 1 },
      1,
    );
  const expected = (forms: string[], text: string) => {
    const first = byPattern(forms, text);
    return {
      headline: first >= 0,
      lead: first >= 0,
      early: first < 0 || text.length === 0 ? 0 : 1 - first / text.length,
    };
  };

  it('finds what the whole-word pattern finds, on random text and forms', () => {
    const alphabet = [
      'a',
      'B',
      'ō',
      '1',
      '٣',
      ' ',
      '-',
      '.',
      "'",
      '\u00A0',
      'é',
      '𝐀',
      '😀',
      '\uD835',
      '\uDC00',
      'Ab',
      'b A',
    ];
    const piece = fc.constantFrom(...alphabet);
    const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
    const forms = fc.array(
      fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(forms, text, (someForms, someText) => {
        expect(early(someForms, someText)).toMatchObject(expected(someForms, someText));
      }),
      { numRuns: 1500 },
    );
  });

  it('finds what the pattern finds on edge cases', () => {
    const cases: Array<[string[], string]> = [
      [['Ford'], 'Oxford Ford'],
      [['Ford Motor', 'Ford'], 'Ford Motors'],
      [['A'], '𝐀A A'],
      [['A'], 'A𝐀'],
      [['Musk', ' '], 'Elon Musk'],
      [['', '  '], 'anything'],
      [['x.y'], 'x.yz x.y'],
      [['😀'], 'a😀 😀'],
    ];
    for (const [someForms, someText] of cases)
      expect(early(someForms, someText)).toMatchObject(expected(someForms, someText));
  });
});
