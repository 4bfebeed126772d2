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

/** Content codings this Worker sends: cached answers are kept gzip-compressed for the clients that accept it. */
export type Coding = 'gzip' | 'identity';

/**
 * The client's Accept-Encoding as weights by coding; undefined when it sent none.
 * Cloudflare's front end rewrites the header the Worker sees to `br, gzip` and keeps the client's own in
 * `cf.clientAcceptEncoding` (miniflare does the same); it decodes for clients that refuse gzip only for the
 * content types it compresses itself, which leave out Atom and JSON Feed, so the client's own header decides.
 */
function acceptedCodings(request: Request): Map<string, number> | undefined {
  const fromClient = (request as { cf?: { clientAcceptEncoding?: unknown } }).cf?.clientAcceptEncoding;
  const header = typeof fromClient === 'string' ? fromClient : request.headers.get('Accept-Encoding');
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    weights.set(name === 'x-gzip' ? 'gzip' : name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return weights;
}

/** RFC 9110 §12.5.3: gzip when Accept-Encoding lists it (or `*`) with a non-zero weight. */
export function negotiateCoding(request: Request): Coding {
  const weights = acceptedCodings(request);
  return (weights?.get('gzip') ?? weights?.get('*') ?? 0) > 0 ? 'gzip' : 'identity';
}

/** Identity is acceptable unless refused by name, or by `*;q=0` without naming it (RFC 9110 §12.5.3). */
export function refusesIdentity(request: Request): boolean {
  const weights = acceptedCodings(request);
  return (weights?.get('identity') ?? weights?.get('*')) === 0;
}

/** Each coding is its own representation, so it has its own strong ETag (RFC 9110 §8.8.3). */
export function representationTag(etag: string, coding: Coding): string {
  return coding === 'gzip' ? `${etag.slice(0, -1)}-gzip"` : etag;
}

/**
 * RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since counts only without it. Returns the ETag the 304
 * carries, or undefined when the client's copy is stale. A copy held under either coding's tag is current:
 * the 304 names the tag the client sent, so its cache freshens the response it stored (RFC 9111 §4.3.4).
 * Checked from build-derived validators before anything is rendered, so a 304 costs next to nothing.
 */
export function currentTag(request: Request, validators: Validators, coding: Coding = 'identity'): string | undefined {
  const ifNoneMatch = request.headers.get('If-None-Match');
  const negotiated = representationTag(validators.etag, coding);
  if (ifNoneMatch !== null) {
    const wanted = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (wanted.includes('*') || wanted.includes(negotiated)) return negotiated;
    const other = representationTag(validators.etag, coding === 'gzip' ? 'identity' : 'gzip');
    return wanted.includes(other) ? other : undefined;
  }
  const ifModifiedSince = request.headers.get('If-Modified-Since');
  if (ifModifiedSince !== null) {
    const since = Date.parse(ifModifiedSince);
    const modified = Date.parse(httpDate(validators.lastModified));
    if (!Number.isNaN(since) && modified <= since) return negotiated;
  }
  return undefined;
}

function withValidators(headers: Record<string, string>, etag: string, lastModified: string): Record<string, string> {
  return { ...headers, ETag: etag, 'Last-Modified': httpDate(lastModified) };
}

function varyingByEncoding(headers: Record<string, string>): Record<string, string> {
  return { ...headers, Vary: headers.Vary ? `${headers.Vary}, Accept-Encoding` : 'Accept-Encoding' };
}

/**
 * The `304` when the client's copy is current, decided from build-time validators alone; else undefined.
 * `negotiated`: the answer is one `respondCached` would give, whose coding follows Accept-Encoding.
 */
export function notModified(c: Context, validators: Validators, headers: Record<string, string>, negotiated = false): Response | undefined {
  const coding = negotiated ? negotiateCoding(c.req.raw) : 'identity';
  const tag = currentTag(c.req.raw, validators, coding);
  if (tag === undefined) return undefined;
  // RFC 9110 §15.4.5: a 304 carries what a 200 would of Cache-Control, ETag and Vary (CORS too, for scripts),
  // and no other metadata of the representation: no Content-Type, no nosniff, no Last-Modified beside an ETag.
  const { 'Content-Type': _type, 'X-Content-Type-Options': _nosniff, ...rest } = negotiated ? varyingByEncoding(headers) : headers;
  return new Response(null, { status: 304, headers: { ...rest, ETag: tag } });
}

/** Answers with `body`, or with a 304 when the client's copy is current. HEAD is stripped of its body by hono. */
export function respond(c: Context, validators: Validators, headers: Record<string, string>, render: () => string): Response {
  return (
    notModified(c, validators, headers) ??
    new Response(render(), { status: 200, headers: withValidators(headers, validators.etag, validators.lastModified) })
  );
}

const encoder = new TextEncoder();

interface StoredAnswer {
  bytes: Uint8Array;
  coding: Coding;
}

// Rendered answers kept as bytes per isolate: a repeated request costs a lookup, not a render and an encode.
// Kept gzip-compressed once a client has accepted gzip (nearly all do): a full-text feed page is ~270 KB and
// ~55 KB gzipped, so the cache holds ~5× more pages, and moving the bytes, not rendering them, is what a warm
// request spends its time on.
const rendered = new Lru<string, StoredAnswer>(32 * 1024 * 1024, (answer) => answer.bytes.byteLength + 128);

function transcode(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<ArrayBuffer> {
  return new Response(new Blob([bytes]).stream().pipeThrough(transform)).arrayBuffer();
}

/** The stored answer in the wanted coding; a gzip one replaces a plain one in the cache. */
async function inCoding(key: string, answer: StoredAnswer, wanted: Coding): Promise<Uint8Array> {
  if (answer.coding === wanted) return answer.bytes;
  if (wanted === 'identity') return new Uint8Array(await transcode(answer.bytes, new DecompressionStream('gzip')));
  const compressed: StoredAnswer = { bytes: new Uint8Array(await transcode(answer.bytes, new CompressionStream('gzip'))), coding: 'gzip' };
  rendered.set(key, compressed);
  return compressed.bytes;
}

/**
 * `respond` for answers worth keeping: the first request renders (it may read article text from the static
 * assets), later ones in the same isolate are served from memory, gzip-compressed when the client accepts it.
 * `key` names everything the body depends on besides the corpus, which is fixed for the isolate's life.
 */
export async function respondCached(
  c: Context,
  validators: Validators,
  headers: Record<string, string>,
  key: string,
  render: () => Promise<string>,
): Promise<Response> {
  const unchanged = notModified(c, validators, headers, true);
  if (unchanged) return unchanged;
  let answer = rendered.get(key);
  let coding = negotiateCoding(c.req.raw);
  if (!answer) {
    answer = { bytes: encoder.encode(await render()), coding: 'identity' };
    rendered.set(key, answer);
    // The request that rendered has spent its CPU (the free plan allows 10 ms a request): it is answered plain,
    // and the next request for this answer compresses it, unless the client refuses plain bytes.
    if (!refusesIdentity(c.req.raw)) coding = 'identity';
  }
  const body = await inCoding(key, answer, coding);
  const varying = varyingByEncoding(headers);
  return new Response(body, {
    status: 200,
    headers: withValidators(coding === 'gzip' ? { ...varying, 'Content-Encoding': 'gzip' } : varying, representationTag(validators.etag, coding), validators.lastModified),
    // The bytes go out as they are: workerd would otherwise compress the gzip ones again.
    encodeBody: 'manual',
  });
}

export function problem(status: 400 | 404 | 405, message: string, extra: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...CORS_HEADERS, ...extra },
  });
}
