// Constant assets compiled into the script (stylesheet, icon, feed XSLT), and the bench's yardstick route.
import { respond } from '../http/conditional.js';
import { problem } from '../http/headers.js';
import { ICON_SVG, STYLESHEET } from '../pages/assets.js';
import { FEED_XSL } from '../pages/feed-xsl.js';
import { fnv1a } from '../site.js';
import type { App } from './deps.js';

const ASSETS: Array<[path: string, type: string, body: string]> = [
  ['/style.css', 'text/css; charset=utf-8', STYLESHEET],
  ['/favicon.svg', 'image/svg+xml', ICON_SVG],
  ['/feed.xsl', 'text/xsl; charset=utf-8', FEED_XSL],
];

export function benchRoute(app: App): void {
  // The cheapest answer a request can get through this app. Absent unless asked for.
  app.get('/__bench/constant', (c) =>
    c.env?.WIREFEED_BENCH === '1'
      ? new Response('ok\n', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
      : problem(404, 'Not found.'),
  );
}

export function staticRoutes(app: App): void {
  for (const [path, type, body] of ASSETS) {
    const validators = { etag: `"${fnv1a(body)}"`, lastModified: '' };
    const headers = {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
    };
    app.get(path, (c) => respond(c, validators, headers, () => body));
  }
}
