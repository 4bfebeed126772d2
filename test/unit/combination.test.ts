// Combined feeds' set algebra (rank-sets.ts) against a brute-force filter, and the canonical spelling.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  combinationDescription,
  combinationTitle,
  normalize,
  parseCombination,
  spelledQuery,
} from '../../src/worker/combination.js';
import { combinedSet, ListSet, type RankLists } from '../../src/worker/store/rank-sets.js';

const COUNT = 300;
const list = fc
  .uniqueArray(fc.integer({ min: 0, max: COUNT - 1 }), { maxLength: 120 })
  .map((xs) => xs.sort((a, b) => a - b));

function brute(lists: RankLists): number[] {
  const out: number[] = [];
  for (let rank = 0; rank < COUNT; rank++) {
    const has = (ranks: readonly number[]) => ranks.includes(rank);
    if (!lists.all.every(has)) continue;
    if (lists.any.length > 0 && !lists.any.some(has)) continue;
    if (lists.none.some(has)) continue;
    out.push(rank);
  }
  return out;
}

function walk(lists: RankLists, from = 0): number[] {
  const set = combinedSet(lists, COUNT);
  const out: number[] = [];
  for (let found = set.seek(from); found !== undefined; found = set.seek(found + 1)) out.push(found);
  return out;
}

describe('rank sets', () => {
  it('all / any / none match a brute-force filter, from any starting rank', () => {
    fc.assert(
      fc.property(
        fc.array(list, { maxLength: 3 }),
        fc.array(list, { maxLength: 3 }),
        fc.array(list, { maxLength: 3 }),
        fc.integer({ min: 0, max: COUNT }),
        (all, any, none, from) => {
          const lists = { all, any, none };
          expect(walk(lists, from)).toEqual(brute(lists).filter((rank) => rank >= from));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a list set gallops to the first member at or after each position', () => {
    const set = new ListSet([1, 2, 4, 8, 16, 32, 64, 128]);
    expect([0, 3, 3, 9, 100, 128, 129].map((p) => set.seek(p))).toEqual([1, 4, 4, 16, 128, 128, undefined]);
  });
});

describe('canonical combinations', () => {
  const parse = (search: string) => parseCombination(new URLSearchParams(search));

  it('sorts, deduplicates and drops empty slugs; merges repeated parameters', () => {
    expect(parse('any=tesla,spacex,,tesla&all=b&all=a')).toEqual({
      all: ['a', 'b'],
      any: ['spacex', 'tesla'],
      none: [],
    });
  });

  it('rejects a malformed slug and more than 8 slugs, naming the parameter', () => {
    expect(parse('none=Tesla')).toMatchObject({ parameter: 'none' });
    expect(parse('all=a%20b')).toMatchObject({ parameter: 'all' });
    expect(parse('all=a,b,c,d,e&any=f,g,h&none=i')).toMatchObject({ parameter: 'none' });
    expect(parse('all=a,b,c,d,e&any=f,g,h')).toEqual({
      all: ['a', 'b', 'c', 'd', 'e'],
      any: ['f', 'g', 'h'],
      none: [],
    });
  });

  it('spells parameters in one order, a one-slug any as all, and the default limit not at all', () => {
    const combination = normalize({ all: ['spacex'], any: ['tesla'], none: ['boeing'] });
    expect(canonicalQuery(combination, { limit: 50, cursor: '2025-06-07.189017ad2c526773' })).toBe(
      'all=spacex,tesla&none=boeing&cursor=2025-06-07.189017ad2c526773',
    );
    expect(canonicalQuery(normalize({ all: ['a'], any: ['a', 'b'], none: [] }), { limit: 10 })).toBe('all=a&limit=10');
    expect(spelledQuery('?utm_source=x&all=a,b&limit=10&ref=y')).toBe('all=a,b&limit=10');
  });

  it('says what the feed is', () => {
    expect(combinationTitle({ all: ['Elon Musk', 'SpaceX'], any: [], none: ['Tesla'] })).toBe(
      'Elon Musk and SpaceX, without Tesla',
    );
    expect(combinationTitle({ all: [], any: ['SpaceX', 'Tesla'], none: [] })).toBe('SpaceX or Tesla');
    expect(combinationTitle({ all: [], any: [], none: ['Tesla'] })).toBe('Everything without Tesla');
    expect(combinationDescription('Wirefeed', { all: ['Elon Musk'], any: [], none: ['Tesla'] })).toBe(
      'Every Wirefeed article that mentions Elon Musk, and does not mention Tesla.',
    );
  });
});
