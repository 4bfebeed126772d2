// Property-based tests (fast-check) against the built Worker: whatever the path, query, headers or method,
// it never answers 5xx, never reflects input unescaped, and answers bad input with the right 4xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type Worker } from '../support/worker.js';

// Random seeds while developing, to keep exploring; a fixed one in CI, so a run there is reproducible.
if (process.env.CI) fc.configureGlobal({ seed: 20261129 });

let worker: Worker;
let slugs: string[];
let ids: string[];
const RUNS = 250;

beforeAll(async () => {
  worker = await startWorker();
  slugs = ((await (await worker.fetch('/entities.json')).json()) as Array<{ slug: string }>).map(
    (entity) => entity.slug,
  );
  ids = (
    (await (await worker.fetch('/feed.json?limit=200')).json()) as { items: Array<{ _wirefeed: { id: string } }> }
  ).items.map((item) => item._wirefeed.id);
});
afterAll(() => worker.dispose());

// Characters that break HTML, XML and URLs, mixed with ordinary ones.
const nasty = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '0',
    '-',
    '_',
    '.',
    '<',
    '>',
    '"',
    "'",
    '&',
    ';',
    '%',
    '/',
    '\\',
    ' ',
    'é',
    '\u202E',
    '\u0000',
    '..',
    '<script>',
    ']]>',
  ),
  maxLength: 40,
});
const encoded = nasty.map((text) => encodeURIComponent(text));
const FORMATS = ['atom', 'rss', 'json'];

type Shape = {
  path: string;
  kind: 'feed' | 'entity-page' | 'article' | 'static' | 'unknown';
  known: boolean;
  query: string;
  validQuery: boolean;
};

const limitArb = fc.oneof(
  fc.integer({ min: 1, max: 200 }).map((n) => ({ text: String(n), valid: true })),
  fc
    .oneof(fc.integer({ min: -1000, max: 0 }), fc.integer({ min: 201, max: 100000 }))
    .map((n) => ({ text: String(n), valid: false })),
  encoded.filter((text) => !/^\d+$/.test(text)).map((text) => ({ text, valid: false })),
);
const cursorArb = fc.oneof(
  fc
    .tuple(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      fc.stringMatching(/^[0-9a-f]{16}$/),
    )
    .map(([date, id]) => ({ text: `${date.toISOString().slice(0, 10)}.${id}`, valid: true })),
  encoded.map((text) => ({ text, valid: false })),
);
const queryArb = fc
  .record({ limit: fc.option(limitArb), cursor: fc.option(cursorArb), other: fc.option(encoded) })
  .map(({ limit, cursor, other }) => {
    const parts: string[] = [];
    if (limit) parts.push(`limit=${limit.text}`);
    if (cursor) parts.push(`cursor=${cursor.text}`);
    if (other) parts.push(`utm_source=${other}`);
    return {
      query: parts.length ? `?${parts.join('&')}` : '',
      valid: (limit?.valid ?? true) && (cursor?.valid ?? true),
    };
  });

const shapeArb: fc.Arbitrary<Shape> = fc.oneof(
  fc.tuple(fc.constantFrom(...FORMATS), queryArb).map(([format, q]) => ({
    path: `/feed.${format}`,
    kind: 'feed' as const,
    known: true,
    query: q.query,
    validQuery: q.valid,
  })),
  fc.tuple(fc.boolean(), fc.nat(), encoded, fc.constantFrom(...FORMATS), queryArb).map(([real, n, junk, format, q]) => {
    const slug = real ? slugs[n % slugs.length]! : junk || 'x';
    return {
      path: `/entities/${slug}/feed.${format}`,
      kind: 'feed' as const,
      known: real || slugs.includes(decodeURIComponent(slug)),
      query: q.query,
      validQuery: q.valid,
    };
  }),
  fc.tuple(fc.boolean(), fc.nat(), encoded, queryArb).map(([real, n, junk, q]) => {
    const slug = real ? slugs[n % slugs.length]! : junk || 'x';
    return {
      path: `/entities/${slug}`,
      kind: 'entity-page' as const,
      known: real || slugs.includes(decodeURIComponent(slug)),
      query: q.query,
      validQuery: q.valid,
    };
  }),
  fc.tuple(fc.boolean(), fc.nat(), encoded).map(([real, n, junk]) => {
    const id = real ? ids[n % ids.length]! : junk || 'x';
    return {
      path: `/articles/${id}`,
      kind: 'article' as const,
      known: real || ids.includes(id),
      query: '',
      validQuery: true,
    };
  }),
  fc
    .constantFrom('/', '/entities.json', '/feeds.opml', '/style.css', '/favicon.svg')
    .map((path) => ({ path, kind: 'static' as const, known: true, query: '', validQuery: true })),
  fc.array(encoded, { minLength: 1, maxLength: 6 }).map((segments) => ({
    path: `/${segments.join('/')}`,
    kind: 'unknown' as const,
    known: false,
    query: '',
    validQuery: true,
  })),
  fc.integer({ min: 2000, max: 12000 }).map((length) => ({
    path: `/entities/${'a'.repeat(length)}/feed.atom`,
    kind: 'feed' as const,
    known: false,
    query: '',
    validQuery: true,
  })),
);

const headersArb = fc.record({
  'If-None-Match': fc.option(fc.oneof(fc.constant('*'), fc.string({ maxLength: 60 }), fc.constant('W/"abc", "def"'))),
  'If-Modified-Since': fc.option(
    fc.oneof(
      fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
      fc.string({ maxLength: 40 }),
    ),
  ),
});

function sanitizeHeaders(headers: Record<string, string | null>): Record<string, string> {
  // Header values cannot carry control characters or non-Latin-1: a client cannot send them either.
  return Object.fromEntries(
    Object.entries(headers).filter(
      (entry): entry is [string, string] => entry[1] !== null && /^[\x20-\x7e]*$/.test(entry[1]),
    ),
  );
}

describe('hostile requests', () => {
  it('GET and HEAD never 5xx, and get 200/304, 400 for a bad query, or 404 for an unknown name', async () => {
    await fc.assert(
      fc.asyncProperty(shapeArb, headersArb, fc.constantFrom('GET', 'HEAD'), async (shape, headers, method) => {
        const response = await worker.fetch(`${shape.path}${shape.query}`, {
          method,
          headers: sanitizeHeaders(headers),
        });
        const body = await response.text();
        expect(response.status).toBeLessThan(500);
        // "." and ".." segments are resolved by the URL parser before the Worker sees them: "/entities/.." is "/".
        const resolvesElsewhere = /\/\.\.?(\/|$)/.test(shape.path);
        if (!shape.known || shape.path.includes('%2F') || resolvesElsewhere) {
          expect([404, 400, 200, 304]).toContain(response.status);
          if (!shape.known && shape.kind !== 'unknown' && !resolvesElsewhere)
            expect(response.status === 404 || response.status === 400).toBe(true);
        } else if (!shape.validQuery) {
          expect(response.status).toBe(400);
        } else {
          expect([200, 304]).toContain(response.status);
        }
        if (method === 'HEAD') expect(body).toBe('');
      }),
      { numRuns: RUNS },
    );
  });

  it('never reflects what it was sent unescaped', async () => {
    const marker = fc.constantFrom(
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      ']]><x>',
      "'><svg/onload=alert(1)>",
    );
    await fc.assert(
      fc.asyncProperty(
        marker,
        fc.constantFrom(
          '/entities/',
          '/articles/',
          '/feed.atom?cursor=',
          '/feed.rss?limit=',
          '/entities/elon-musk?cursor=',
          '/',
        ),
        async (payload, prefix) => {
          const response = await worker.fetch(`${prefix}${encodeURIComponent(payload)}`);
          const body = await response.text();
          expect(response.status).toBeLessThan(500);
          expect(body).not.toContain(payload);
          expect(body).not.toMatch(/<script>alert|onerror=alert|onload=alert/);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answers other methods with 405 and Allow, and OPTIONS with 204', async () => {
    await fc.assert(
      fc.asyncProperty(
        shapeArb,
        fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        async (shape, method) => {
          const response = await worker.fetch(`${shape.path}${shape.query}`, {
            method,
            body: method === 'OPTIONS' || method === 'DELETE' ? undefined : 'x',
          });
          expect(response.status).toBe(method === 'OPTIONS' ? 204 : 405);
          expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
        },
      ),
      { numRuns: 100 },
    );
  });

  it.each([
    ['/entities/%E0%A4%A/feed.atom', 404],
    ['/feed.atom?limit=%E0', 400],
    ['/feed.atom?cursor=%', 400],
    ['/articles/%', 404],
    ['/%ZZ', 404],
    ['/?q=%FF', 200],
    [`/?q=${'a'.repeat(101)}`, 400],
  ])('copes with malformed percent-encoding: %s → %i', async (path, status) => {
    expect((await worker.fetch(path)).status).toBe(status);
  });

  it('honours any If-None-Match list that holds the current ETag, and no other', async () => {
    const current = (await worker.fetch('/feed.atom')).headers.get('etag')!;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.stringMatching(/^"[A-Za-z0-9-]{1,20}"$/), { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        async (others, include, weak) => {
          const tags = include ? [...others, weak ? `W/${current}` : current] : others;
          const response = await worker.fetch('/feed.atom', {
            headers: tags.length ? { 'If-None-Match': tags.join(', ') } : {},
          });
          expect(response.status).toBe(include ? 304 : 200);
        },
      ),
      { numRuns: 100 },
    );
  });
});
