// Per-entity icons: a white glyph for the entity's type (a bust for a person, a building for an organization, a
// map pin for a place) on a rounded square whose colour comes from a hash of the slug, so an entity's icon never
// changes between builds or hosts. SVG for pages; PNG (hand-encoded: RGBA rows, zlib through CompressionStream,
// CRC-32) where a feed format wants a raster image. Pure functions of (slug, type): no state, no assets.
import type { EntityType } from '../../contract/corpus-index.js';
import { escapeHtml } from '../../contract/escape.js';
import { fnv1a } from '../site.js';

export const ICON_SIZE = 64;
/** Bumped when the drawing changes: part of the icons' ETag. */
export const ICON_VERSION = '1';

/** Hue from the slug's hash; saturation and lightness fixed so the white glyph reads on every colour (≥ 3:1). */
export function iconColour(slug: string): { hue: number; rgb: [number, number, number]; css: string } {
  const hue = Number.parseInt(fnv1a(`icon:${slug}`).slice(0, 6), 36) % 360;
  const rgb = hslToRgb(hue, 0.55, 0.34);
  return { hue, rgb, css: `#${rgb.map((value) => value.toString(16).padStart(2, '0')).join('')}` };
}

function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - chroma / 2;
  const [r, g, b] =
    hue < 60
      ? [chroma, x, 0]
      : hue < 120
        ? [x, chroma, 0]
        : hue < 180
          ? [0, chroma, x]
          : hue < 240
            ? [0, x, chroma]
            : hue < 300
              ? [x, 0, chroma]
              : [chroma, 0, x];
  return [r, g, b].map((value) => Math.round((value + m) * 255)) as [number, number, number];
}

/** The glyphs as SVG shapes on a 64 × 64 grid, and the same shapes as point tests for the rasterizer. */
const GLYPHS: Record<EntityType, { svg: string; inside: (x: number, y: number) => boolean }> = {
  person: {
    svg: '<circle cx="32" cy="24" r="10"/><path d="M14 52a18 14 0 0 1 36 0z"/>',
    inside: (x, y) =>
      (x - 32) ** 2 + (y - 24) ** 2 <= 100 || (y <= 52 && ((x - 32) / 18) ** 2 + ((y - 52) / 14) ** 2 <= 1),
  },
  organization: {
    svg:
      '<path fill-rule="evenodd" d="M18 14h28v38H18zM23 19h7v7h-7zM34 19h7v7h-7zM23 30h7v7h-7zM34 30h7v7h-7z' +
      'M28 41h8v11h-8z"/>',
    inside: (x, y) => {
      if (x < 18 || x > 46 || y < 14 || y > 52) return false;
      const window = (left: number, top: number) => x >= left && x <= left + 7 && y >= top && y <= top + 7;
      const door = x >= 28 && x <= 36 && y >= 41;
      return !(window(23, 19) || window(34, 19) || window(23, 30) || window(34, 30) || door);
    },
  },
  place: {
    svg: '<path fill-rule="evenodd" d="M32 56L20.5 34A14 14 0 1 1 43.5 34zM32 21a5 5 0 1 0 0 10a5 5 0 1 0 0-10z"/>',
    inside: (x, y) => {
      const head = (x - 32) ** 2 + (y - 26) ** 2 <= 196;
      // The point: between the lines from the circle's lower tangents to (32, 56).
      const tip = y >= 26 && y <= 56 && Math.abs(x - 32) <= ((56 - y) / 22) * 11.5;
      return (head || tip) && (x - 32) ** 2 + (y - 26) ** 2 > 25;
    },
  },
};

export function iconSvg(slug: string, type: EntityType, name: string): string {
  const { css } = iconColour(slug);
  const title = escapeHtml(name);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img">\
<title>${title}</title><rect width="64" height="64" rx="12" fill="${css}"/>\
<g fill="#fff">${GLYPHS[type].svg}</g></svg>\n`;
}

/** Coverage of a rounded square (radius 12) at a point: the icon's background shape. */
function inRoundedSquare(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, 12), 52);
  const cy = Math.min(Math.max(y, 12), 52);
  return x >= 0 && y >= 0 && x <= 64 && y <= 64 && (x - cx) ** 2 + (y - cy) ** 2 <= 144;
}

/** RGBA rows, each led by PNG filter byte 0, with 4 × 4 samples a pixel for smooth edges. */
export function iconPixels(slug: string, type: EntityType): Uint8Array {
  const [r, g, b] = iconColour(slug).rgb;
  const inside = GLYPHS[type].inside;
  const rows = new Uint8Array(ICON_SIZE * (ICON_SIZE * 4 + 1));
  for (let py = 0; py < ICON_SIZE; py++) {
    const row = py * (ICON_SIZE * 4 + 1);
    for (let px = 0; px < ICON_SIZE; px++) {
      let background = 0;
      let glyph = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const x = px + (sx + 0.5) / 4;
          const y = py + (sy + 0.5) / 4;
          if (!inRoundedSquare(x, y)) continue;
          background++;
          if (inside(x, y)) glyph++;
        }
      }
      const white = background === 0 ? 0 : glyph / background;
      const at = row + 1 + px * 4;
      rows[at] = Math.round(r + (255 - r) * white);
      rows[at + 1] = Math.round(g + (255 - g) * white);
      rows[at + 2] = Math.round(b + (255 - b) * white);
      rows[at + 3] = Math.round((background / 16) * 255);
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

async function zlib(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A 64 × 64 RGBA PNG of the icon. */
export async function iconPng(slug: string, type: EntityType): Promise<Uint8Array> {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, ICON_SIZE);
  view.setUint32(4, ICON_SIZE);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits a channel, RGBA, deflate, adaptive filtering, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', await zlib(iconPixels(slug, type))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}
