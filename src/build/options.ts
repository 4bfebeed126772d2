// The build's options from its command line and environment, resolved once (defaults included).
import { delimiter, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface BuildOptions {
  seedDirs: string[];
  /** The generated index module the Worker imports. */
  outFile: string;
  /** The Workers static assets folder the content packs go to. */
  assetsDir: string;
  /** Any warning fails the build. */
  strict: boolean;
  configFile: string;
  /** The config file was named explicitly, so a missing one is an error. */
  configRequired: boolean;
  /** Undefined: no extraction cache. */
  cacheFile?: string;
}

export function resolveOptions(argv: string[], env: NodeJS.ProcessEnv): BuildOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string', multiple: true },
      out: { type: 'string' },
      assets: { type: 'string' },
      strict: { type: 'boolean', default: false },
      entities: { type: 'string' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
    },
  });
  const seedsFromEnv = env.WIREFEED_SEEDS ? env.WIREFEED_SEEDS.split(delimiter).filter(Boolean) : undefined;
  const cacheFile = resolve(values.cache ?? env.WIREFEED_CACHE ?? '.wirefeed-cache/extractions.json');
  return {
    seedDirs: values.seeds ?? seedsFromEnv ?? ['seeds'],
    outFile: resolve(values.out ?? env.WIREFEED_OUT ?? 'src/generated/corpus.ts'),
    assetsDir: resolve(values.assets ?? env.WIREFEED_ASSETS ?? 'src/generated/assets'),
    strict: values.strict || env.WIREFEED_STRICT === '1',
    configFile: values.entities ?? env.WIREFEED_ENTITIES ?? 'entities.config.json',
    configRequired: values.entities !== undefined || env.WIREFEED_ENTITIES !== undefined,
    ...(values['no-cache'] ? {} : { cacheFile }),
  };
}
