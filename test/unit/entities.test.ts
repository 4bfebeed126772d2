// The rule-based extractor, kept as the documented fallback (WIREFEED_EXTRACTOR=rules): its hard cases.
// The model, the default, is tested in model-extraction.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/build/corpus/build.js';
import { extractEntities } from '../../src/build/entities/extract.js';
import { slugify } from '../../src/build/entities/slug.js';
import { parseSeed } from '../../src/build/parse/seed.js';
import { BUNDLED_SEEDS } from '../support/paths.js';

const SEED = '000_189017ad2c526773.txt';

function extract(text: string, name = '001_0123456789abcdef.txt') {
  const { article } = parseSeed(name, text);
  return { article: article!, ...extractEntities(article!.blocks, 'rules') };
}

describe('the real seed', () => {
  const { mentions } = extract(readFileSync(join(BUNDLED_SEEDS, SEED), 'utf8'), SEED);
  const found = new Map(mentions.map((mention) => [mention.name, mention.type]));

  it.each([
    ['Elon Musk', 'person'],
    ['Donald Trump', 'person'],
    ['Dmitry Novikov', 'person'],
    ['Dmitry Peskov', 'person'],
    ['Edward Snowden', 'person'],
    ['Graham Phillips', 'person'],
    ['Bannon', 'person'],
    ['SpaceX', 'organization'],
    ['TASS', 'organization'],
    ['Tesla', 'organization'],
    ['Kremlin', 'organization'],
    ['Moscow Times', 'organization'],
    ['Communist Party of the Russian Federation', 'organization'],
    ['Russia', 'place'],
    ['United States', 'place'],
  ])('finds %s as a %s', (name, type) => {
    expect(found.get(name)).toBe(type);
  });

  it('merges short forms and possessives into the full name', () => {
    const musk = mentions.find((mention) => mention.name === 'Elon Musk')!;
    expect(musk.forms.sort()).toEqual(['Elon Musk', 'Musk']);
    expect(musk.count).toBeGreaterThan(10);
    expect(mentions.find((mention) => mention.name === 'United States')!.forms.sort()).toEqual(['US', 'United States']);
  });

  it('drops days, titles, demonyms, and words capitalized by their place', () => {
    for (const noise of [
      'Friday',
      'Thursday',
      'President',
      'CEO',
      'First Deputy',
      'Russian',
      'American',
      'British',
      'Musk',
      'Trump',
      'Novikov',
      'However',
      'Therefore',
      'Meanwhile',
      'Democratic',
      'Welcome',
      'Required',
      'Enemy',
      'Friend',
      'Defense Production Act',
      'Moscow',
    ]) {
      expect(found.has(noise), noise).toBe(false);
    }
  });
});

describe('hard cases', () => {
  it('splits a title inside a name run: "Ontario Premier Doug Ford"', () => {
    const { mentions } = extract(
      ' date 2025-01-01 Ontario Premier Doug Ford said on Tuesday that Ford would not resign.',
    );
    expect(mentions.map((m) => [m.name, m.type]).sort()).toEqual([
      ['Doug Ford', 'person'],
      ['Ontario', 'place'],
    ]);
  });

  it('strips curly possessives and keeps names inside names whole', () => {
    const { mentions } = extract(
      ' date 2025-01-01 The Bank of England raised rates, Zoë Lefèvre said. Lefèvre’s view was shared in Paris.',
    );
    const names = new Map(mentions.map((m) => [m.name, m]));
    expect(names.get('Bank of England')!.type).toBe('organization');
    expect(names.has('England')).toBe(false);
    expect(names.get('Zoë Lefèvre')!.forms.sort()).toEqual(['Lefèvre', 'Zoë Lefèvre']);
    expect(names.get('Paris')!.type).toBe('place');
  });

  it('joins an acronym to its expansion', () => {
    const { mentions } = extract(
      ' date 2025-01-01 Members of the North Atlantic Treaty Organization (NATO) met in Brussels. NATO said little.',
    );
    const nato = mentions.find((m) => m.name === 'NATO')!;
    expect(nato.type).toBe('organization');
    expect(nato.count).toBe(3);
  });

  it('only confirms, never invents, names from title-case subheadings', () => {
    const { mentions } = extract(
      ' date 2025-01-01 Russia said Musk could stay, Elon Musk replied.\n\nRussia to Welcome Musk If ' +
        'Required\n\nNothing else happened.',
    );
    expect(mentions.map((m) => m.name).sort()).toEqual(['Elon Musk', 'Russia']);
  });

  it('makes ASCII slugs', () => {
    expect(slugify('Zoë Lefèvre')).toBe('zoe-lefevre');
    expect(slugify('Łukasz Nowak')).toBe('lukasz-nowak');
    expect(slugify('AT&T')).toBe('at-t');
  });
});

describe('the hard cases real news has', () => {
  const found = (text: string) => {
    const { article } = parseSeed('001_0123456789abcdef.txt', ` date 2025-01-01 ${text}`);
    return new Map(extractEntities(article!.blocks, 'rules').mentions.map((m) => [m.name, m]));
  };

  it('joins given names, middle names and particles to the full name, and strips titles', () => {
    const names = found(
      'Brazilian President Luiz Inácio Lula da Silva met European Commission President Ursula von der Leyen ' +
        'in Brussels. Lula said von der Leyen was a friend, and Dr. Tedros Adhanom Ghebreyesus agreed. Tedros smiled.',
    );
    expect(names.get('Luiz Inácio Lula da Silva')!.forms.sort()).toEqual(['Luiz Inácio Lula da Silva', 'Lula']);
    expect(names.get('Ursula von der Leyen')!.forms.sort()).toEqual(['Ursula von der Leyen', 'von der Leyen']);
    expect(names.get('Tedros Adhanom Ghebreyesus')!.forms.sort()).toEqual(['Tedros', 'Tedros Adhanom Ghebreyesus']);
    expect(names.get('European Commission')!.type).toBe('organization');
    expect([...names.keys()].some((name) => /President|Dr\.|Brazilian/.test(name))).toBe(false);
  });

  it('keeps organizations and places named after people whole', () => {
    const names = found(
      'Lockheed Martin, the defence contractor, and chocolate maker Barry Callebaut reported results. ' +
        'Passengers at Charles de Gaulle Airport waited. Charles de Gaulle led France.',
    );
    expect(names.get('Lockheed Martin')!.type).toBe('organization');
    expect(names.get('Barry Callebaut')!.type).toBe('organization');
    expect(names.get('Charles de Gaulle Airport')!.type).toBe('place');
    expect(names.get('Charles de Gaulle')!.type).toBe('person');
    expect(names.has('Barry')).toBe(false);
  });

  it('finds every name of a list, typed alike', () => {
    const names = found(
      'Officials from Russia, Iran and Poland met. Its biggest customers, Amazon, Microsoft and Alphabet, ' +
        'raised spending.',
    );
    for (const place of ['Russia', 'Iran', 'Poland']) expect(names.get(place)!.type).toBe('place');
    for (const company of ['Amazon', 'Microsoft', 'Alphabet']) expect(names.get(company)!.type).toBe('organization');
  });

  it('spells an acronym from its expansion even across "for" and "in"', () => {
    const names = found(
      'The Board of Control for Cricket in India (BCCI) named a coach. The BCCI said he would start soon.',
    );
    expect(names.get('Board of Control for Cricket in India')).toMatchObject({
      type: 'organization',
      forms: ['Board of Control for Cricket in India', 'BCCI'],
    });
  });

  it("knows aliases: U.S./America, Bangalore/Bengaluru, Côte d'Ivoire/Ivory Coast", () => {
    const names = found(
      "Tesla CEO Elon Musk said Tesla would expand in Bangalore and Bengaluru. Côte d'Ivoire and Ivory Coast " +
        'grow cocoa, the U.S. said. America imports it.',
    );
    expect(names.get('United States')!.forms.sort()).toEqual(['America', 'U.S.']);
    expect(names.get('Bengaluru')!.forms.sort()).toEqual(['Bangalore', 'Bengaluru']);
    expect(names.get('Ivory Coast')!.forms.sort()).toEqual(["Côte d'Ivoire", 'Ivory Coast']);
    expect(names.get('Tesla')!.type).toBe('organization');
  });

  it('tells the carmaker from the premier in one article', () => {
    const names = found(
      'Ford Motor Company will cut jobs in Cologne, Ford said. Doug Ford, the Ontario premier, said he was worried.',
    );
    expect(names.get('Ford Motor Company')!.type).toBe('organization');
    expect(names.get('Doug Ford')!.type).toBe('person');
    expect(names.get('Ontario')!.type).toBe('place');
  });

  it('does not take sentence-initial words, products or events for names', () => {
    const names = found(
      'Cocoa prices rose. Meanwhile Apple sold the iPhone 16 and the Model Y sold well at the Paris Motor ' +
        'Show. Storm Claudia hit Wales. The G20 summit and COP30 began. "I’m sure," she said. South Korean ' +
        'exports grew.',
    );
    for (const noise of [
      'Cocoa',
      'Meanwhile',
      'iPhone',
      'Model Y',
      'Storm Claudia',
      'G20',
      'COP30',
      'Paris Motor Show',
      'I’m',
      'South Korean',
    ])
      expect(names.has(noise), noise).toBe(false);
    expect(names.get('Wales')!.type).toBe('place');
  });
});

describe('across articles', () => {
  const corpus = buildCorpus([
    extract(
      ' date 2025-01-01 Zoë Lefèvre, an economist, spoke in Paris. Elon Musk listened.',
      '001_0000000000000001.txt',
    ),
    extract(' date 2025-01-02 Zoe Lefevre said Musk was wrong, and Elon Musk disagreed.', '002_0000000000000002.txt'),
    extract(' date 2025-01-03 Doug Ford spoke. Ford said no.', '003_0000000000000003.txt'),
    extract(' date 2025-01-04 Harrison Ford smiled. Ford said yes.', '004_0000000000000004.txt'),
  ]);
  const bySlug = new Map(corpus.entities.map((entity) => [entity.slug, entity]));

  it('gives one entity one name and one slug, diacritics preferred', () => {
    expect(bySlug.get('zoe-lefevre')).toMatchObject({ name: 'Zoë Lefèvre', type: 'person', aliases: ['Zoe Lefevre'] });
    expect(bySlug.get('zoe-lefevre')!.articles).toHaveLength(2);
    expect(bySlug.get('elon-musk')!.articles).toHaveLength(2);
  });

  it('never merges two people on a shared surname', () => {
    expect(bySlug.get('doug-ford')!.articles).toEqual([corpus.articles.findIndex((a) => a.id === '0000000000000003')]);
    expect(bySlug.get('harrison-ford')!.articles).toEqual([
      corpus.articles.findIndex((a) => a.id === '0000000000000004'),
    ]);
    expect(bySlug.has('ford')).toBe(false);
  });

  it('links an acronym to the expansion another article gave it, and keeps a name that means two things apart', () => {
    const corpus = buildCorpus([
      extract(' date 2025-01-01 The World Health Organization (WHO) met in Geneva.', '001_0000000000000011.txt'),
      extract(' date 2025-01-02 The WHO said cases fell, a WHO spokesperson said.', '002_0000000000000012.txt'),
      extract(
        ' date 2025-01-03 Shares in Amazon rose, and Amazon said it would hire. Its rivals, Amazon, Microsoft ' +
          'and Alphabet, grew.',
        '003_0000000000000013.txt',
      ),
      extract(
        ' date 2025-01-04 Fires spread across the Amazon, and deforestation in the Amazon rose in Brazil.',
        '004_0000000000000014.txt',
      ),
    ]);
    const who = corpus.entities.filter(
      (entity) => entity.type === 'organization' && /who|world health/i.test(entity.name),
    );
    expect(who).toHaveLength(1);
    expect(who[0]!.articles).toHaveLength(2);
    const amazons = corpus.entities
      .filter((entity) => entity.name === 'Amazon')
      .map((entity) => [entity.slug, entity.type])
      .sort();
    expect(amazons).toEqual([
      ['amazon', 'organization'],
      ['amazon-place', 'place'],
    ]);
  });

  it('orders articles newest first and gives each a stable urn:uuid id', () => {
    expect(corpus.articles.map((a) => a.date)).toEqual(['2025-01-04', '2025-01-03', '2025-01-02', '2025-01-01']);
    const again = buildCorpus([extract(' date 2025-01-04 Other text entirely.', '009_0000000000000004.txt')]);
    expect(again.articles[0]!.guid).toBe(corpus.articles[0]!.guid);
  });
});
