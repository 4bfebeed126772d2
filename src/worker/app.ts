// The Worker's hono app: a list of routes over the prebuilt index. Article text comes from the static assets on
// first use and rendered answers are kept per isolate, so a repeated request is a lookup.
import { Hono } from 'hono';
import type { CorpusIndex } from '../contract/corpus-index.js';
import { problem } from './http/headers.js';
import { articleRoutes } from './routes/articles.js';
import { combinePageRoutes } from './routes/combine-page.js';
import { type AppEnv, routeDeps } from './routes/deps.js';
import { entityRoutes } from './routes/entities.js';
import { feedRoutes } from './routes/feeds.js';
import { homeRoutes } from './routes/home.js';
import { iconRoutes } from './routes/icons.js';
import { listingRoutes } from './routes/listings.js';
import { manifestRoutes } from './routes/manifest.js';
import { methodsAndSite } from './routes/methods.js';
import { newEntityRoutes } from './routes/new-entities.js';
import { benchRoute, staticRoutes } from './routes/static.js';

export function createApp(corpus: CorpusIndex): Hono<AppEnv> {
  const deps = routeDeps(corpus);
  const app = new Hono<AppEnv>();
  app.use('*', methodsAndSite());
  benchRoute(app);
  homeRoutes(app, deps);
  feedRoutes(app, deps);
  entityRoutes(app, deps);
  iconRoutes(app, deps);
  combinePageRoutes(app, deps);
  articleRoutes(app, deps);
  staticRoutes(app);
  listingRoutes(app, deps);
  manifestRoutes(app, deps);
  newEntityRoutes(app, deps);
  app.notFound(() => problem(404, 'Not found.'));
  app.onError((error) => {
    console.error(error);
    return new Response('Internal error.\n', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  });
  return app;
}
