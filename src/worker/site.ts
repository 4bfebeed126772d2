import { stripXmlIllegal } from '../contract/escape.js';
import type { AssetFetcher } from './store/article-store.js';

/** Bindings from `[vars]` in wrangler.toml. */
export interface Env {
  SITE_NAME?: string;
  SITE_DESCRIPTION?: string;
  SITE_LANGUAGE?: string;
  /** Absolute base URL of the deployment; links use the request's origin when it is empty. */
  BASE_URL?: string;
  /** WebSub hub (absolute http(s) URL) the feeds name and `npm run deploy` pings; empty: no hub. */
  HUB_URL?: string;
  /** Workers static assets ([assets] in wrangler.toml): the article content packs. */
  ASSETS?: AssetFetcher;
  /** "1" adds the bench's constant-response route. */
  WIREFEED_BENCH?: string;
}

export interface Site {
  name: string;
  description: string;
  language: string;
  baseUrl: string;
  /** The WebSub hub, when one is configured. */
  hubUrl?: string;
  /** Changes when anything above changes: part of every ETag, since all of it shows in the output. */
  fingerprint: string;
}

let cached: { key: string; site: Site } | undefined;

export function siteFrom(env: Env, requestUrl: string): Site {
  const configuredBase = env.BASE_URL?.trim();
  const base = configuredBase ? configuredBase : new URL(requestUrl).origin;
  const hub = hubFrom(env.HUB_URL);
  const key = `${env.SITE_NAME}\u0000${env.SITE_DESCRIPTION}\u0000${env.SITE_LANGUAGE}\u0000${base}\u0000${hub ?? ''}`;
  if (cached?.key === key) return cached.site;

  const clean = (value: string | undefined, fallback: string) => stripXmlIllegal(value ?? '').text.trim() || fallback;
  const name = clean(env.SITE_NAME, 'Wirefeed');
  const language = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(env.SITE_LANGUAGE ?? '') ? env.SITE_LANGUAGE! : 'en';
  const baseUrl = new URL(base).href.replace(/\/+$/, '');
  const site: Site = {
    name,
    description: clean(env.SITE_DESCRIPTION, `News from ${name}, with a feed for every person, organization and place`),
    language,
    baseUrl,
    ...(hub ? { hubUrl: hub } : {}),
    fingerprint: fnv1a(key),
  };
  cached = { key, site };
  return site;
}

/** An absolute http(s) URL, or nothing: a malformed HUB_URL must not put a broken link in every feed. */
function hubFrom(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Two FNV-1a passes with different seeds, 64 bits in all: cheap and stable for ETags of small strings. */
export function fnv1a(text: string): string {
  let first = 0x811c9dc5;
  let second = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x01000193);
  }
  return (first >>> 0).toString(36) + (second >>> 0).toString(36);
}
