// Content negotiation of the coding: which of gzip and identity the client accepts (RFC 9110 §12.5.3).

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
