// GET /feeds-manifest.json: the ETag a feed reader gets for the first page of every site and entity feed, in every
// format. `npm run deploy` (scripts/deploy.ts) compares the deployed site's manifest before and after a deploy and
// pings the WebSub hub for exactly the feeds whose ETag changed.
import { FEED_FORMATS } from '../feeds/types.js';
import { dataHeaders } from '../http/headers.js';
import { DEFAULT_LIMIT } from '../store/paging.js';
import { feedPath } from '../urls.js';
import { answerRendered, validatorsFor } from './answer.js';
import type { App, RouteDeps } from './deps.js';
import { feedValidators } from './feeds.js';

export const MANIFEST_PATH = '/feeds-manifest.json';

export function manifestRoutes(app: App, deps: RouteDeps): void {
  app.get(MANIFEST_PATH, (c) => {
    const site = c.get('site');
    const render = async () => {
      const feeds: Record<string, string> = {};
      const slugs = [undefined, ...deps.corpus.entities.map((entity) => entity.slug)];
      for (const slug of slugs) {
        const entity = slug === undefined ? undefined : deps.view.entity(slug);
        for (const format of FEED_FORMATS) {
          const { validators } = feedValidators(deps, site, format, entity, { limit: DEFAULT_LIMIT });
          feeds[`${site.baseUrl}${feedPath(format, slug)}`] = validators.etag;
        }
      }
      return JSON.stringify({ version: deps.corpus.version, hub: site.hubUrl ?? null, feeds });
    };
    return answerRendered(c, {
      validators: validatorsFor(site, deps.corpus.version, deps.corpus.updated, 'feeds-manifest'),
      headers: dataHeaders('application/json; charset=utf-8'),
      body: 'feeds-manifest',
      render,
    });
  });
}
