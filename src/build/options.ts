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
  /** The slug ledger (entities.lock.json): every slug ever published. */
  ledgerFile: string;
  /** Undefined: no extraction cache. */
  cacheFile?: string;
  /** The build's time, for future dates: `SOURCE_DATE_EPOCH` (seconds) when set, as reproducible builds do. */
  now: number;
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
      ledger: { type: 'string' },
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
    ledgerFile: resolve(values.ledger ?? env.WIREFEED_LEDGER ?? 'entities.lock.json'),
    ...(values['no-cache'] ? {} : { cacheFile }),
    now: buildTime(env.SOURCE_DATE_EPOCH),
  };
}

function buildTime(sourceDateEpoch: string | undefined): number {
  if (sourceDateEpoch === undefined || sourceDateEpoch === '') return Date.now();
  if (!/^\d+$/.test(sourceDateEpoch))
    throw new Error(`SOURCE_DATE_EPOCH must be whole seconds, not "${sourceDateEpoch}"`);
  return Number(sourceDateEpoch) * 1000;
}
