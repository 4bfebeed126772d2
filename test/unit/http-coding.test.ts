import { describe, expect, it } from 'vitest';
import { negotiateCoding, refusesIdentity, representationTag } from '../../src/worker/http/coding.js';
import { currentTag } from '../../src/worker/http/conditional.js';

const withHeaders = (headers: Record<string, string>) => new Request('https://news.example/feed.atom', { headers });

describe('content coding', () => {
  it.each([
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'gzip'],
    ['br;q=1.0, GZIP;q=0.5', 'gzip'],
    ['x-gzip', 'gzip'],
    ['*', 'gzip'],
    ['br, *;q=0.1', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['*, gzip;q=0', 'identity'],
    ['identity', 'identity'],
    ['br, deflate', 'identity'],
    ['', 'identity'],
  ])('Accept-Encoding %j gets %s', (header, coding) => {
    expect(negotiateCoding(withHeaders(header ? { 'Accept-Encoding': header } : {}))).toBe(coding);
  });

  it.each([
    ['identity;q=0', true],
    ['*;q=0', true],
    ['gzip, *;q=0', true],
    ['gzip, identity;q=0.5, *;q=0', false],
    ['gzip', false],
    ['', false],
  ])('Accept-Encoding %j refuses plain bytes: %s', (header, refused) => {
    expect(refusesIdentity(withHeaders(header ? { 'Accept-Encoding': header } : {}))).toBe(refused);
  });

  it("decides on the client's own header, which Cloudflare keeps in cf.clientAcceptEncoding", () => {
    const asCloudflareSees = (client: string) =>
      Object.assign(withHeaders({ 'Accept-Encoding': 'br, gzip' }), { cf: { clientAcceptEncoding: client } });
    expect(negotiateCoding(asCloudflareSees(''))).toBe('identity');
    expect(negotiateCoding(asCloudflareSees('deflate'))).toBe('identity');
    expect(negotiateCoding(asCloudflareSees('gzip, deflate'))).toBe('gzip');
  });

  it('gives the gzip representation its own strong tag, and a copy under either tag is current', () => {
    const validators = { etag: '"v1-abc"', lastModified: '2025-06-07' };
    const gzipTag = representationTag(validators.etag, 'gzip');
    expect(gzipTag).toBe('"v1-abc-gzip"');
    expect(representationTag(validators.etag, 'identity')).toBe('"v1-abc"');
    // The 304 names the tag the client holds, so its cache freshens the copy it stored.
    expect(currentTag(withHeaders({ 'If-None-Match': gzipTag }), validators, 'gzip')).toBe(gzipTag);
    expect(currentTag(withHeaders({ 'If-None-Match': '"v1-abc"' }), validators, 'gzip')).toBe('"v1-abc"');
    expect(currentTag(withHeaders({ 'If-None-Match': `W/${gzipTag}` }), validators, 'identity')).toBe(gzipTag);
    expect(currentTag(withHeaders({ 'If-None-Match': '"v0-abc-gzip", "v0-abc"' }), validators, 'gzip')).toBeUndefined();
    expect(currentTag(withHeaders({ 'If-Modified-Since': 'Sat, 07 Jun 2025 00:00:00 GMT' }), validators, 'gzip')).toBe(
      gzipTag,
    );
  });
});
