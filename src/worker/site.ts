import { stripXmlIllegal } from '../contract/escape.js';
import type { AssetFetcher } from './store/article-store.js';

/** Bindings from `[vars]` in wrangler.toml. */
export interface Env {
  SITE_NAME?: string;
  SITE_DESCRIPTION?: string;
  SITE_LANGUAGE?: string;
  /** Absolute base URL of the deployment; links use the request's origin when it is empty. */
  BASE_URL?: string;
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
  /** Changes when anything above changes: part of every ETag, since all of it shows in the output. */
  fingerprint: string;
}

let cached: { key: string; site: Site } | undefined;

export function siteFrom(env: Env, requestUrl: string): Site {
  const configuredBase = env.BASE_URL?.trim();
  const base = configuredBase ? configuredBase : new URL(requestUrl).origin;
  const key = `${env.SITE_NAME}\u0000${env.SITE_DESCRIPTION}\u0000${env.SITE_LANGUAGE}\u0000${base}`;
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
    fingerprint: fnv1a(key),
  };
  cached = { key, site };
  return site;
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
