// The one way a route answers with something it renders: validators from the build's version of what the answer
// shows, a 304 when the client's copy is current, else the rendered bytes kept per isolate.
import type { Context } from 'hono';
import { respondCached } from '../http/cached.js';
import type { Validators } from '../http/conditional.js';
import { fnv1a, type Site } from '../site.js';
import type { AppEnv } from './deps.js';

/**
 * A strong ETag: the build-time version of the content, and a hash of the site settings and of `variant` (what
 * else the bytes depend on: route, query, media type), so it is known before anything is rendered.
 */
export function validatorsFor(site: Site, version: string, lastModified: string, variant: string): Validators {
  return { etag: `"${version}-${fnv1a(`${site.fingerprint}|${variant}`)}"`, lastModified };
}

export interface RenderedAnswer {
  validators: Validators;
  headers: Record<string, string>;
  /** Names everything the body depends on besides the corpus and the site: the key of the per-isolate cache. */
  body: string;
  render: () => Promise<string>;
}

export function answerRendered(c: Context<AppEnv>, answer: RenderedAnswer): Promise<Response> {
  const key = `${answer.body}|${c.get('site').fingerprint}`;
  return respondCached(c, answer.validators, answer.headers, key, answer.render);
}
