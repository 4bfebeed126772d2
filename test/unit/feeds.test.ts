// The feed renderers on their own, against the defects of `feed` 6.0.0 that they wrap.
import { describe, expect, it } from 'vitest';
import { renderAtom, renderJson, renderRss } from '../../src/worker/feeds/render.js';
import type { FeedDocument, FeedItem } from '../../src/worker/feeds/types.js';
import { assertWellFormedXml, parseAtom, parseJson, parseRss } from '../support/feeds.js';

const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
  guid: 'urn:uuid:5855504a-5381-5264-9c1d-36a09459dbec',
  id: '189017ad2c526773',
  title: 'Plain headline',
  url: 'https://news.example/articles/189017ad2c526773',
  date: '2025-06-07',
  summary: 'Lead paragraph.',
  contentHtml: '<p>Lead paragraph.</p>',
  source: '000_189017ad2c526773.txt',
  entities: [
    { slug: 'at-t', name: 'AT&T', type: 'organization', url: 'https://news.example/entities/at-t', role: 'about' },
  ],
  ...overrides,
});

const doc = (items: FeedItem[], overrides: Partial<FeedDocument> = {}): FeedDocument => ({
  feedId: 'urn:uuid:8b35ed76-96e2-5bb3-8385-ab9ab6675999',
  title: 'Wirefeed · Q&A <Desk>',
  description: 'Test & more',
  siteName: 'Wirefeed',
  siteUrl: 'https://news.example/',
  htmlUrl: 'https://news.example/',
  selfUrl: 'https://news.example/feed.atom',
  updated: '2025-06-07',
  language: 'en',
  iconUrl: 'https://news.example/favicon.svg',
  entityScheme: 'https://news.example/entities/',
  items,
  ...overrides,
});

// `&lt;` typed literally is the tell: a reader that decodes an unescaped html title shows "<" instead.
const HOSTILE_TITLE = 'Q&A: 1 < 2 > 0, "quotes" & a]]>b and c]]>d <![CDATA[ x, written &lt;b&gt;';

describe('Atom', () => {
  it('HTML-escapes titles written as type="html" so readers show the text as written', () => {
    const xml = renderAtom(doc([item({ title: HOSTILE_TITLE, summary: HOSTILE_TITLE })]));
    assertWellFormedXml(xml);
    const parsed = parseAtom(xml);
    expect(parsed.items[0]!.title).toBe(HOSTILE_TITLE);
    expect(parsed.items[0]!.summary).toBe(HOSTILE_TITLE);
    expect(xml).toContain('<title type="html"><![CDATA[Q&amp;A: 1 &lt; 2 &gt; 0');
    expect(parsed.title).toBe('Wirefeed · Q&A <Desk>');
  });

  it('survives two ]]> in one CDATA section', () => {
    const content = '<p>a]]>b and c]]>d and e]]>f</p>';
    const xml = renderAtom(doc([item({ contentHtml: content })]));
    assertWellFormedXml(xml);
    expect(parseAtom(xml).items[0]!.content).toBe(content);
  });

  it('is valid without entry authors because the feed has one, and declares its language', () => {
    const xml = renderAtom(doc([item()]));
    expect(xml).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="en">/);
    expect(xml).toMatch(/<author>\s*<name>Wirefeed<\/name>/);
    expect(xml).toContain('<link rel="self" href="https://news.example/feed.atom"/>');
  });

  it('writes an RFC 5005 next link only when there is a next page', () => {
    expect(renderAtom(doc([item()]))).not.toContain('rel="next"');
    const xml = renderAtom(
      doc([item()], { nextUrl: 'https://news.example/feed.atom?cursor=2025-06-07.189017ad2c526773&limit=5' }),
    );
    assertWellFormedXml(xml);
    expect(parseAtom(xml).nextUrl).toBe('https://news.example/feed.atom?cursor=2025-06-07.189017ad2c526773&limit=5');
  });

  it('escapes & in category labels', () => {
    const xml = renderAtom(doc([item()]));
    expect(xml).toContain('label="AT&amp;T"');
    assertWellFormedXml(xml);
  });
});

describe('RSS', () => {
  it('keeps plain-text titles exact, even with two ]]>', () => {
    const xml = renderRss(doc([item({ title: HOSTILE_TITLE })], { selfUrl: 'https://news.example/feed.rss' }));
    assertWellFormedXml(xml);
    expect(parseRss(xml).items[0]!.title).toBe(HOSTILE_TITLE);
  });

  it('writes no author element (an RSS author needs an email address we do not have)', () => {
    const xml = renderRss(doc([item()], { selfUrl: 'https://news.example/feed.rss' }));
    expect(xml).not.toContain('<author>');
    expect(xml).toContain('<guid isPermaLink="false">urn:uuid:5855504a-5381-5264-9c1d-36a09459dbec</guid>');
  });

  it('writes a next link as atom:link', () => {
    const xml = renderRss(
      doc([item()], {
        selfUrl: 'https://news.example/feed.rss',
        nextUrl: 'https://news.example/feed.rss?cursor=2025-06-07.189017ad2c526773',
      }),
    );
    assertWellFormedXml(xml);
    const parsed = parseRss(xml);
    expect(parsed.selfUrl).toBe('https://news.example/feed.rss');
    expect(parsed.nextUrl).toBe('https://news.example/feed.rss?cursor=2025-06-07.189017ad2c526773');
  });
});

describe('JSON Feed', () => {
  it("is version 1.1 with authors, and 1.0's author beside them at feed level (NetNewsWire reads only it)", () => {
    const parsed = parseJson(renderJson(doc([item()], { selfUrl: 'https://news.example/feed.json' })));
    expect(parsed.raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(parsed.raw.authors).toEqual([{ name: 'Wirefeed', url: 'https://news.example/' }]);
    expect(parsed.raw.author).toEqual(parsed.raw.authors[0]);
    expect(parsed.raw.items[0]).not.toHaveProperty('author');
    expect(parsed.raw.items[0]._wirefeed).toEqual({
      id: '189017ad2c526773',
      source: '000_189017ad2c526773.txt',
      entities: [{ slug: 'at-t', name: 'AT&T', type: 'organization', role: 'about' }],
    });
  });

  it('gives an item without content a content_text, as 1.1 requires one of the two', () => {
    const parsed = parseJson(renderJson(doc([item({ contentHtml: '', summary: '' })])));
    const first = parsed.raw.items[0];
    expect(first.content_html !== undefined || first.content_text !== undefined).toBe(true);
  });

  it('keeps text exact: JSON needs no markup escaping', () => {
    const parsed = parseJson(renderJson(doc([item({ title: HOSTILE_TITLE })])));
    expect(parsed.items[0]!.title).toBe(HOSTILE_TITLE);
  });
});
