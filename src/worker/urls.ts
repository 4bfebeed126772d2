import type { FeedFormat } from './feeds/types.js';
import { DEFAULT_LIMIT } from './store/paging.js';

export const articlePath = (id: string) => `/articles/${id}`;
export const entityPath = (slug: string) => `/entities/${encodeURIComponent(slug)}`;
export const feedPath = (format: FeedFormat, slug?: string) =>
  slug ? `${entityPath(slug)}/feed.${format}` : `/feed.${format}`;

/** A feed or page URL with its paging query; the default limit is left out so first pages have one URL. */
export function withPage(url: string, cursor?: string, limit = DEFAULT_LIMIT): string {
  const params = new URLSearchParams();
  if (cursor) params.set('cursor', cursor);
  if (limit !== DEFAULT_LIMIT) params.set('limit', String(limit));
  const query = params.toString();
  return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
}
