import type { Context } from 'hono';
import { Lru } from './lru.js';

export const FEED_CACHE_CONTROL = 'public, max-age=600, stale-while-revalidate=3600';
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
  return { 'Content-Type': contentType, 'Cache-Control': FEED_CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff', ...CORS_HEADERS, ...extra };
}

export interface Validators {
  /** Quoted strong ETag. */
  etag: string;
  /** ISO day the representation last changed. */
  lastModified: string;
}

export function httpDate(isoDay: string): string {
  return new Date(isoDay ? `${isoDay}T00:00:00Z` : 0).toUTCString();
}

/**
 * RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since counts only without it.
 * Checked from build-derived validators before anything is rendered, so a 304 costs next to nothing.
 */
export function isNotModified(request: Request, validators: Validators): boolean {
  const ifNoneMatch = request.headers.get('If-None-Match');
  if (ifNoneMatch !== null) {
    const wanted = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return wanted.includes('*') || wanted.includes(validators.etag);
  }
  const ifModifiedSince = request.headers.get('If-Modified-Since');
  if (ifModifiedSince !== null) {
    const since = Date.parse(ifModifiedSince);
    const modified = Date.parse(httpDate(validators.lastModified));
    return !Number.isNaN(since) && modified <= since;
  }
  return false;
}

function withValidators(headers: Record<string, string>, validators: Validators): Record<string, string> {
  return { ...headers, ETag: validators.etag, 'Last-Modified': httpDate(validators.lastModified) };
}

/** The `304` when the client's copy is current, decided from build-time validators alone; else undefined. */
export function notModified(c: Context, validators: Validators, headers: Record<string, string>): Response | undefined {
  if (!isNotModified(c.req.raw, validators)) return undefined;
  const { 'Content-Type': _type, ...rest } = withValidators(headers, validators);
  return new Response(null, { status: 304, headers: rest });
}

/** Answers with `body`, or with a 304 when the client's copy is current. HEAD is stripped of its body by hono. */
export function respond(c: Context, validators: Validators, headers: Record<string, string>, render: () => string): Response {
  return notModified(c, validators, headers) ?? new Response(render(), { status: 200, headers: withValidators(headers, validators) });
}

const encoder = new TextEncoder();
// Rendered answers kept as bytes per isolate: a repeated request costs a lookup, not a render and an encode.
const rendered = new Lru<string, Uint8Array>(32 * 1024 * 1024, (body) => body.byteLength + 128);

/**
 * `respond` for answers worth keeping: the first request renders (it may read article text from the static
 * assets), later ones in the same isolate are served from memory. `key` names everything the body depends on
 * besides the corpus, which is fixed for the isolate's life.
 */
export async function respondCached(
  c: Context,
  validators: Validators,
  headers: Record<string, string>,
  key: string,
  render: () => Promise<string>,
): Promise<Response> {
  const unchanged = notModified(c, validators, headers);
  if (unchanged) return unchanged;
  let body = rendered.get(key);
  if (!body) {
    body = encoder.encode(await render());
    rendered.set(key, body);
  }
  return new Response(body, { status: 200, headers: withValidators(headers, validators) });
}

export function problem(status: 400 | 404 | 405, message: string, extra: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...CORS_HEADERS, ...extra },
  });
}
