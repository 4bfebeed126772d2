// GET /entities/:slug/icon.svg and icon.png: the entity's icon (pages/icons.ts), the same for a slug forever.
import type { Context } from 'hono';
import { notModified, withValidators } from '../http/conditional.js';
import { CORS_HEADERS, NO_SUCH_ENTITY, problem } from '../http/headers.js';
import { ICON_VERSION, iconPng, iconSvg } from '../pages/icons.js';
import { fnv1a } from '../site.js';
import { Lru } from '../store/lru.js';
import { entityPath } from '../urls.js';
import type { App, AppEnv, RouteDeps } from './deps.js';
import { retiredAnswer } from './retired.js';

export type IconFile = 'icon.svg' | 'icon.png';

export const iconPath = (slug: string, file: IconFile) => `${entityPath(slug)}/${file}`;

const TYPES: Record<IconFile, string> = { 'icon.svg': 'image/svg+xml', 'icon.png': 'image/png' };
// Encoded PNGs kept per isolate: a few hundred bytes each.
const pngs = new Lru<string, Uint8Array>(4 * 1024 * 1024, (png) => png.byteLength + 64);

export function iconRoutes(app: App, deps: RouteDeps): void {
  for (const file of ['icon.svg', 'icon.png'] as const) {
    app.get(`/entities/:slug/${file}`, (c) => serveIcon(c, deps, file));
  }
}

async function serveIcon(c: Context<AppEnv>, deps: RouteDeps, file: IconFile): Promise<Response> {
  const slug = c.req.param('slug')!;
  const found = deps.view.entity(slug);
  if (!found) return retiredAnswer(c, deps, slug, undefined, file) ?? problem(404, NO_SUCH_ENTITY);
  const { type, name } = found.entry;
  // Depends on the slug, type and name (the SVG's title) alone: articles coming and going do not change it.
  const validators = { etag: `"${fnv1a(`${ICON_VERSION}|${file}|${slug}|${type}|${name}`)}"`, lastModified: '' };
  const headers = {
    'Content-Type': TYPES[file],
    'Cache-Control': 'public, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
    ...CORS_HEADERS,
  };
  const unchanged = notModified(c, validators, headers);
  if (unchanged) return unchanged;
  let body: string | Uint8Array;
  if (file === 'icon.svg') body = iconSvg(slug, type, name);
  else {
    const key = `${slug}|${type}`;
    body = pngs.get(key) ?? (await iconPng(slug, type));
    pngs.set(key, body);
  }
  return new Response(body, {
    status: 200,
    headers: withValidators(headers, validators.etag, validators.lastModified),
  });
}
