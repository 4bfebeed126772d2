// Build-time salience (src/build/corpus/salience.ts): the subject of a story is `about`, a passing name `mentions`.
import { describe, expect, it } from 'vitest';
import { salienceRoles, salienceScore, salienceSignals } from '../../src/build/corpus/salience.js';
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
