import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../../src/build/entities/config.js';
import { type PublishedEntity, reconcileLedger } from '../../src/build/entities/slug-ledger.js';

const entity = (slug: string, name: string, articles: number, aliases: string[] = []): PublishedEntity => ({
  slug,
  name,
  type: 'person',
  aliases,
  articles,
  feedId: `urn:uuid:${slug}`,
});

describe('the slug ledger', () => {
  const first = reconcileLedger({ slugs: {} }, [entity('musk', 'Musk', 9), entity('elon-musk', 'Elon Musk', 3)]);

  it('records every published slug with its own feed id', () => {
    expect(first.retired).toEqual([]);
    expect(Object.keys(first.ledger.slugs)).toEqual(['elon-musk', 'musk']);
    expect(first.ledger.slugs.musk).toEqual({ name: 'Musk', type: 'person', feedId: 'urn:uuid:musk', articles: 9 });
  });

  it('retires a slug to the entity that now carries its name, which keeps the bigger feed id', () => {
    const next = reconcileLedger(first.ledger, [entity('elon-musk', 'Elon Musk', 12, ['Musk'])]);
    expect(next.retired).toEqual([
      { slug: 'musk', name: 'Musk', to: 'elon-musk', reason: 'now one of the names of "Elon Musk"', byConfig: false },
    ]);
    expect(next.ledger.slugs.musk?.retired).toEqual({ to: 'elon-musk', reason: 'now one of the names of "Elon Musk"' });
    // "Musk" had 9 articles, "Elon Musk" 3: the successor's feed goes on under Musk's id.
    expect(next.feedIds.get('elon-musk')).toBe('urn:uuid:musk');
    expect(next.ledger.slugs['elon-musk']?.feedId).toBe('urn:uuid:musk');
    // And keeps it in later builds, from the ledger alone.
    const later = reconcileLedger(next.ledger, [entity('elon-musk', 'Elon Musk', 13, ['Musk'])]);
    expect(later.retired).toEqual([]);
    expect(later.feedIds.get('elon-musk')).toBe('urn:uuid:musk');
  });

  it('gives a renamed entity the feed id its old slug had', () => {
    const ledger = reconcileLedger({ slugs: {} }, [entity('spacex', 'SpaceX', 4)]);
    const next = reconcileLedger(ledger.ledger, [entity('space-x-corp', 'Space X Corp', 4, ['SpaceX'])]);
    expect(next.feedIds.get('space-x-corp')).toBe('urn:uuid:spacex');
  });

  it('keeps its own feed id when it was the bigger one', () => {
    const ledger = reconcileLedger({ slugs: {} }, [entity('musk', 'Musk', 2), entity('elon-musk', 'Elon Musk', 8)]);
    const next = reconcileLedger(ledger.ledger, [entity('elon-musk', 'Elon Musk', 10, ['Musk'])]);
    expect(next.feedIds.has('elon-musk')).toBe(false);
  });

  it('names the config when it asked for the retirement, and a slug nothing took over is gone', () => {
    const config = { ...EMPTY_CONFIG, rename: { Musk: 'Elon Musk' }, block: ['Bannon'] };
    const ledger = reconcileLedger({ slugs: {} }, [entity('musk', 'Musk', 2), entity('bannon', 'Bannon', 1)]);
    const next = reconcileLedger(ledger.ledger, [entity('elon-musk', 'Elon Musk', 2, ['Musk'])], config);
    expect(next.retired).toEqual([
      { slug: 'bannon', name: 'Bannon', to: null, reason: 'blocked by the entity config', byConfig: true },
      {
        slug: 'musk',
        name: 'Musk',
        to: 'elon-musk',
        reason: 'renamed to "Elon Musk" by the entity config',
        byConfig: true,
      },
    ]);
    const gone = reconcileLedger(ledger.ledger, []);
    expect(gone.retired.map(({ slug, to, reason }) => [slug, to, reason])).toEqual([
      ['bannon', null, 'no longer found in any article'],
      ['musk', null, 'no longer found in any article'],
    ]);
  });

  it('follows chains to a published slug, and revives a slug that comes back', () => {
    const a = reconcileLedger({ slugs: {} }, [entity('musk', 'Musk', 2)]);
    const b = reconcileLedger(a.ledger, [entity('e-musk', 'E. Musk', 2, ['Musk'])]);
    const c = reconcileLedger(b.ledger, [entity('elon-musk', 'Elon Musk', 2, ['E. Musk', 'Musk'])]);
    expect(c.ledger.slugs.musk?.retired?.to).toBe('elon-musk');
    expect(c.ledger.slugs['e-musk']?.retired?.to).toBe('elon-musk');
    const back = reconcileLedger(c.ledger, [entity('musk', 'Musk', 1), entity('elon-musk', 'Elon Musk', 2)]);
    expect(back.ledger.slugs.musk?.retired).toBeUndefined();
    expect(back.ledger.slugs.musk?.feedId).toBe('urn:uuid:musk');
  });

  it('writes the same ledger whatever order the entities come in', () => {
    const entities = [entity('b', 'B', 1), entity('a', 'A', 2), entity('c', 'C', 3)];
    const forward = reconcileLedger({ slugs: {} }, entities).ledger;
    const backward = reconcileLedger({ slugs: {} }, [...entities].reverse()).ledger;
    expect(JSON.stringify(forward)).toBe(JSON.stringify(backward));
  });
});
