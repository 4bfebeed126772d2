// Per-entity icons through the built Worker: SVG and PNG, fixed by slug, used by the entity's feeds and page.
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, startWorker, type Worker } from '../support/worker.js';

let worker: Worker;
beforeAll(async () => {
  worker = await startWorker();
});
afterAll(() => worker.dispose());

/** The PNG's chunks, checked for structure; IDAT inflated. */
function readPng(bytes: Uint8Array) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Array<{ type: string; data: Uint8Array }> = [];
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    chunks.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

describe('entity icons', () => {
  it('serves an SVG with a colour fixed by the slug and a glyph for the type', async () => {
    const response = await worker.fetch('/entities/elon-musk/icon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await response.text();
    expect(svg).toContain('<title>Elon Musk</title>');
    expect(svg).toMatch(/fill="#[0-9a-f]{6}"/);
    expect(await (await worker.fetch('/entities/elon-musk/icon.svg')).text()).toBe(svg);
    const other = await (await worker.fetch('/entities/spacex/icon.svg')).text();
    expect(/fill="(#[0-9a-f]{6})"/.exec(other)![1]).not.toBe(/fill="(#[0-9a-f]{6})"/.exec(svg)![1]);
  });

  it('serves a valid 64 × 64 RGBA PNG, with ETag and 304', async () => {
    const response = await worker.fetch('/entities/paris/icon.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const chunks = readPng(new Uint8Array(await response.arrayBuffer()));
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset);
    expect([header.getUint32(0), header.getUint32(4), chunks[0]!.data[8], chunks[0]!.data[9]]).toEqual([64, 64, 8, 6]);
    const pixels = inflateSync(chunks[1]!.data);
    expect(pixels.length).toBe(64 * (64 * 4 + 1));
    // A corner is transparent (rounded), the centre of the pin's head is the background colour, the pin white.
    const pixel = (x: number, y: number) => [...pixels.subarray(y * 257 + 1 + x * 4, y * 257 + 5 + x * 4)];
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(32, 14)).toEqual([255, 255, 255, 255]);
    const etag = response.headers.get('etag')!;
    const again = await worker.fetch('/entities/paris/icon.png', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('answers 404 for an unknown slug', async () => {
    expect((await worker.fetch('/entities/no-such-entity/icon.png')).status).toBe(404);
  });

  it('is the icon of the entity feeds in every format; combined and site feeds keep the site icon', async () => {
    const png = `${BASE}/entities/tesla/icon.png`;
    const atom = await (await worker.fetch('/entities/tesla/feed.atom')).text();
    expect(atom).toContain(`<icon>${png}</icon>`);
    expect(atom).toContain(`<logo>${png}</logo>`);
    const rss = await (await worker.fetch('/entities/tesla/feed.rss')).text();
    expect(rss).toMatch(new RegExp(`<image>\\s*<title>[^<]*</title>\\s*<url>${png}</url>`));
    const json: any = await (await worker.fetch('/entities/tesla/feed.json')).json();
    expect([json.icon, json.favicon]).toEqual([png, png]);
    const combined: any = await (await worker.fetch('/feed.json?all=spacex,tesla')).json();
    expect(combined.icon).toBe(`${BASE}/favicon.svg`);
    expect(await (await worker.fetch('/feed.rss?all=spacex,tesla')).text()).not.toContain('<image>');
  });

  it('shows on the entity page', async () => {
    const html = await (await worker.fetch('/entities/tesla')).text();
    expect(html).toContain(
      '<img class="entity-icon" src="/entities/tesla/icon.svg" alt="" width="48" height="48">\n<h1>Tesla</h1>',
    );
  });
});
