// Validators and conditional requests (RFC 9110 §13): a 304 is decided from build-time validators alone.
import type { Context } from 'hono';
import { type Coding, negotiateCoding, representationTag } from './coding.js';

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

export function withValidators(
  headers: Record<string, string>,
  etag: string,
  lastModified: string,
): Record<string, string> {
  return { ...headers, ETag: etag, 'Last-Modified': httpDate(lastModified) };
}

export function varyingByEncoding(headers: Record<string, string>): Record<string, string> {
  return { ...headers, Vary: headers.Vary ? `${headers.Vary}, Accept-Encoding` : 'Accept-Encoding' };
}

/**
 * The `304` when the client's copy is current, decided from build-time validators alone; else undefined.
 * `negotiated`: the answer is one `respondCached` would give, whose coding follows Accept-Encoding.
 */
export function notModified(
  c: Context,
  validators: Validators,
  headers: Record<string, string>,
  negotiated = false,
): Response | undefined {
  const coding = negotiated ? negotiateCoding(c.req.raw) : 'identity';
  const tag = currentTag(c.req.raw, validators, coding);
  if (tag === undefined) return undefined;
  // RFC 9110 §15.4.5: a 304 carries what a 200 would of Cache-Control, ETag and Vary (CORS too, for scripts),
  // and no other metadata of the representation: no Content-Type, no nosniff, no Last-Modified beside an ETag.
  const {
    'Content-Type': _type,
    'X-Content-Type-Options': _nosniff,
    ...rest
  } = negotiated ? varyingByEncoding(headers) : headers;
  return new Response(null, { status: 304, headers: { ...rest, ETag: tag } });
}

/** Answers with `body`, or with a 304 when the client's copy is current. HEAD is stripped of its body by hono. */
export function respond(
  c: Context,
  validators: Validators,
  headers: Record<string, string>,
  render: () => string,
): Response {
  return (
    notModified(c, validators, headers) ??
    new Response(render(), { status: 200, headers: withValidators(headers, validators.etag, validators.lastModified) })
  );
}
