import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { representationTag } from '../../src/worker/http/coding.js';
import { parseAtom, parseJson } from '../support/feeds.js';
import { serveWorker } from '../support/worker.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http, not fetch: fetch would decode the body and hide the Content-Encoding the Worker chose. */
function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compressed answers from the built Worker', () => {
  let server: Awaited<ReturnType<typeof serveWorker>>;
  beforeAll(async () => {
    server = await serveWorker();
  });
  afterAll(() => server.dispose());

  it.each(['/feed.atom', '/entities/elon-musk/feed.json', '/articles/189017ad2c526773'])(
    '%s is sent gzip-compressed to a client that accepts it, the same content as uncompressed',
    async (path) => {
      // Rendered plain, then compressed (the cache keeps the gzip bytes), then decompressed from those.
      const plain = await rawGet(server.url + path, { 'Accept-Encoding': 'identity' });
      const zipped = await rawGet(server.url + path, { 'Accept-Encoding': 'gzip' });
      const plainAgain = await rawGet(server.url + path, {});
      expect([plain.status, zipped.status, plainAgain.status]).toEqual([200, 200, 200]);
      expect(plainAgain.body.equals(plain.body)).toBe(true);
      expect(plainAgain.headers.etag).toBe(plain.headers.etag);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.body.length).toBeLessThan(plain.body.length);
      expect(gunzipSync(zipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
      expect(zipped.headers.etag).toBe(representationTag(String(plain.headers.etag), 'gzip'));
      for (const response of [plain, zipped]) expect(String(response.headers.vary)).toContain('Accept-Encoding');
      if (path.endsWith('.atom'))
        expect(parseAtom(gunzipSync(zipped.body).toString('utf8')).items.length).toBeGreaterThan(0);
      if (path.endsWith('.json'))
        expect(parseJson(gunzipSync(zipped.body).toString('utf8')).items.length).toBeGreaterThan(0);
    },
  );

  it('sends a client that states no Accept-Encoding the uncompressed answer (curl, simple scripts)', async () => {
    for (const path of ['/feed.atom', '/feed.json', '/feed.rss']) {
      const response = await rawGet(server.url + path, {});
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding'], path).toBeUndefined();
      expect(response.body.subarray(0, 1).toString(), path).toMatch(/[<{]/);
    }
  });

  it('answers the request that rendered plain and compresses on the next, unless plain bytes are refused', async () => {
    const first = await rawGet(`${server.url}/entities/russia/feed.atom`, { 'Accept-Encoding': 'gzip' });
    const second = await rawGet(`${server.url}/entities/russia/feed.atom`, { 'Accept-Encoding': 'gzip' });
    expect([first.headers['content-encoding'], second.headers['content-encoding']]).toEqual([undefined, 'gzip']);
    expect(gunzipSync(second.body).equals(first.body)).toBe(true);
    expect(second.headers.etag).toBe(representationTag(String(first.headers.etag), 'gzip'));
    const strict = await rawGet(`${server.url}/entities/russia/feed.rss`, { 'Accept-Encoding': 'gzip, identity;q=0' });
    expect(strict.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(strict.body).toString('utf8')).toContain('<rss');
  });

  it('answers 304 to a copy held under either tag, naming that tag', async () => {
    const path = '/entities/elon-musk/feed.atom';
    await rawGet(server.url + path, { 'Accept-Encoding': 'gzip' });
    const zipped = await rawGet(server.url + path, { 'Accept-Encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const gzipTag = String(zipped.headers.etag);
    for (const tag of [gzipTag, gzipTag.replace(/-gzip"$/, '"')]) {
      const again = await rawGet(server.url + path, { 'Accept-Encoding': 'gzip', 'If-None-Match': tag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(tag);
      expect(String(again.headers.vary)).toBe('Accept, Accept-Encoding');
    }
  });
});
