// Before every route: OPTIONS and methods other than GET/HEAD are answered here, and the site settings resolved.
import type { MiddlewareHandler } from 'hono';
import { CORS_HEADERS, problem } from '../http/headers.js';
import { siteFrom } from '../site.js';
import type { AppEnv } from './deps.js';

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

const PREFLIGHT_HEADERS = {
  Allow: ALLOWED_METHODS,
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': ALLOWED_METHODS,
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
  'Access-Control-Max-Age': '86400',
};

export function methodsAndSite(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'OPTIONS') return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
    if (method !== 'GET' && method !== 'HEAD') {
      return problem(405, 'Method not allowed: use GET or HEAD.', { Allow: ALLOWED_METHODS });
    }
    c.set('site', siteFrom(c.env ?? {}, c.req.url));
    await next();
  };
}
