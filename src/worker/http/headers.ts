// The headers every answer family carries, and the plain-text error answer.

/** Seconds a feed copy stays fresh: Cache-Control max-age, and RSS `<ttl>` (in minutes). */
export const FEED_MAX_AGE = 600;
export const FEED_CACHE_CONTROL = `public, max-age=${FEED_MAX_AGE}, stale-while-revalidate=3600`;
export const PAGE_CACHE_CONTROL = 'public, max-age=300';

export const HTML_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, Link',
};

/** Headers of every machine-readable answer: feeds, JSON, OPML, sitemap. */
export function dataHeaders(contentType: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Cache-Control': FEED_CACHE_CONTROL,
    'X-Content-Type-Options': 'nosniff',
    ...CORS_HEADERS,
    ...extra,
  };
}

export function problem(status: 400 | 404 | 405, message: string, extra: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      ...CORS_HEADERS,
      ...extra,
    },
  });
}

export const HTML_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': PAGE_CACHE_CONTROL,
  ...HTML_SECURITY_HEADERS,
};

export const NO_SUCH_ENTITY = 'No such entity. The list is at /entities.json.';
