// Rendered answers kept per isolate, sent in the coding the client accepts.
import type { Context } from 'hono';
import { Lru } from '../store/lru.js';
import { type Coding, negotiateCoding, refusesIdentity, representationTag } from './coding.js';
import { notModified, type Validators, varyingByEncoding, withValidators } from './conditional.js';

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
  const compressed: StoredAnswer = {
    bytes: new Uint8Array(await transcode(answer.bytes, new CompressionStream('gzip'))),
    coding: 'gzip',
  };
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
    headers: withValidators(
      coding === 'gzip' ? { ...varying, 'Content-Encoding': 'gzip' } : varying,
      representationTag(validators.etag, coding),
      validators.lastModified,
    ),
    // The bytes go out as they are: workerd would otherwise compress the gzip ones again.
    encodeBody: 'manual',
  });
}
