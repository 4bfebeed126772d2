// `npm run bench`: for each corpus size, times the build (cold and after one edit), sizes the deployable
// output, measures the built Worker's startup and CPU per request in Node, and drives every route through
// `wrangler dev` with wrk. Prints one report and writes it to docs/performance.md; exit code 1 when
// a target is missed. Loopback only; meant to finish within 15 minutes on 2 cores for the default sizes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { type DevServer, startDevServer } from './dev-server.js';
import { writeCorpus } from './generate.js';
import {
  BENCH_ORIGIN,
  CLIENT_HEADERS,
  discoverRoutes,
  type NodeResult,
  type Route,
  type RoutePlan,
} from './measure-worker.js';
import { hasWrk, wrk } from './wrk.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DIR = join(ROOT, '.wirefeed-bench');
const DOC = join(ROOT, 'docs/performance.md');
const PORT = Number(new URL(BENCH_ORIGIN).port);
const PEAK_MARK = 'wirefeed-bench-peak-kb=';
const EXTRA_SENTENCE = 'Officials said further details would be published later this week.';
const MiB = 1024 * 1024;
/** Before the first measured route: workerd is still compiling for a few seconds. */
const SETTLE_SECONDS = 3;
/**
 * The 304's target (≥ 0.95 × the constant route) is tighter than one run's noise (±5 %): it alternates with the
 * constant route this many times, half a run each, and is judged on the sums.
 */
const PAIRS = 3;
const OUTPUT_LIMIT = 256 * MiB;

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

interface Options {
  sizes: number[];
  seconds: number;
  connections: number;
  docs: boolean;
}

interface BuildRun {
  wallS: number;
  /** Max RSS from /usr/bin/time %M: the largest process, the build's node. */
  peakMb: number;
  /** `peak N MB` from the build's own summary line, when it prints one. */
  ownPeakMb?: number;
  summary: string;
}

interface DeployStats {
  dryRunS: number;
  scriptBytes: number;
  gzipBytes: number;
  assetsFound: boolean;
  assetFiles: number;
  assetBytes: number;
  largestAsset: number;
}

interface HttpRouteResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  mismatches: number;
  workerdCpuUs: number;
  /** Set for a route measured in pairs with the constant route: its req/s ÷ theirs, summed over the pairs. */
  pairedRatio?: number;
}

interface HttpResult {
  plan: RoutePlan;
  constantFirst: HttpRouteResult;
  constantLast: HttpRouteResult;
  /** Every route but the constant one, in plan order. */
  routes: HttpRouteResult[];
  /** The constant route's runs paired with the conditional route's. */
  pairedConstants: HttpRouteResult[];
}

interface SizeResult {
  size: number;
  cold: BuildRun;
  incremental: BuildRun;
  deploy: DeployStats;
  nodePlan: RoutePlan;
  node: NodeResult;
  http: HttpResult;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,50000' },
      seconds: { type: 'string', default: '8' },
      connections: { type: 'string', default: '16' },
      'no-docs': { type: 'boolean', default: false },
    },
  });
  const positive = (name: string, raw: string) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got ${raw}`);
    return value;
  };
  return {
    sizes: values.sizes.split(',').map((size) => positive('sizes', size.trim())),
    seconds: positive('seconds', values.seconds),
    connections: positive('connections', values.connections),
    docs: !values['no-docs'],
  };
}

const runStarted = performance.now();
/** Progress with the time since the start, so a slow step shows where the 15 minutes went. */
function log(size: number, message: string): void {
  const seconds = Math.round((performance.now() - runStarted) / 1000);
  console.log(
    `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} [${size.toLocaleString('en-US')}] ${message}`,
  );
}

/** Runs a command from the project root; a failure stops the bench with the command's output. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...env },
    encoding: 'utf8',
    maxBuffer: OUTPUT_LIMIT,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed \
(${result.error?.message ?? result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

function timedBuild(args: string[]): BuildRun {
  const started = performance.now();
  // The command wrangler's [build] runs, so the time is what a publisher waits for after an edit.
  const result = run('/usr/bin/time', ['-f', `${PEAK_MARK}%M`, 'npm', 'run', '--silent', 'build', '--', ...args]);
  const wallS = (performance.now() - started) / 1000;
  const peakKb = new RegExp(`${PEAK_MARK}(\\d+)`).exec(result.stderr)?.[1];
  if (!peakKb) throw new Error(`/usr/bin/time printed no peak memory:\n${result.stderr}`);
  const summary = `${result.stdout}\n${result.stderr}`.split('\n').find((line) => line.startsWith('wirefeed:')) ?? '';
  const ownPeak = /peak (\d+(?:\.\d+)?) MB/.exec(summary)?.[1];
  return { wallS, peakMb: (Number(peakKb) * 1024) / 1e6, ...(ownPeak ? { ownPeakMb: Number(ownPeak) } : {}), summary };
}

/** Appends a sentence to one seed's last paragraph: the edit a publisher makes between two builds. */
function editOneSeed(seeds: string): string {
  const names = readdirSync(seeds)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const name = names[Math.floor(names.length / 2)]!;
  const file = join(seeds, name);
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()} ${EXTRA_SENTENCE}\n`);
  return name;
}

/** The `[assets] directory` of wrangler.toml, where the build writes the static assets; its default otherwise. */
function assetsDirectory(): string {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const start = toml.search(/^\[assets\]\s*$/m);
  const section = start < 0 ? '' : toml.slice(start).split(/\n(?=\[)/)[0]!;
  const directory = /^\s*directory\s*=\s*["']([^"']+)["']/m.exec(section)?.[1];
  return resolve(ROOT, directory ?? 'src/generated/assets');
}

function filesUnder(dir: string): Array<{ path: string; bytes: number }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => ({ path: entry, stat: statSync(join(dir, entry)) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ path, stat }) => ({ path, bytes: stat.size }));
}

/** `wrangler deploy --dry-run` (its [build] reruns the build on the warm cache), then what would be uploaded. */
function deploy(dir: string, seeds: string): DeployStats {
  const dist = join(dir, 'dist');
  const started = performance.now();
  run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', dist], {
    WIREFEED_SEEDS: seeds,
    WIREFEED_CACHE: join(dir, 'cache.json'),
    WIREFEED_LEDGER: join(dir, 'entities.lock.json'),
  });
  const dryRunS = (performance.now() - started) / 1000;

  // The next size's build overwrites the assets directory: keep this one's copy for the Node measurement.
  const source = assetsDirectory();
  const copy = join(dir, 'assets-deploy');
  rmSync(copy, { recursive: true, force: true });
  const assetsFound = existsSync(source);
  if (assetsFound) cpSync(source, copy, { recursive: true });
  // Wrangler reads these as configuration and does not upload them as assets.
  const assets = assetsFound
    ? filesUnder(copy).filter(({ path }) => !['.assetsignore', '_headers', '_redirects'].includes(path))
    : [];

  // Source maps and wrangler's README are not uploaded.
  const modules = filesUnder(dist).filter(({ path }) => !path.endsWith('.map') && basename(path) !== 'README.md');
  const gzipBytes = sum(modules.map(({ path }) => gzipSync(readFileSync(join(dist, path))).length));
  return {
    dryRunS,
    scriptBytes: sum(modules.map(({ bytes }) => bytes)),
    gzipBytes,
    assetsFound,
    assetFiles: assets.length,
    assetBytes: sum(assets.map(({ bytes }) => bytes)),
    largestAsset: assets.reduce((max, { bytes }) => Math.max(max, bytes), 0),
  };
}

/** measure-worker.ts as plain JavaScript, so the process that imports the bundle runs without tsx's loader. */
function compileMeasurer(): string {
  const source = readFileSync(join(ROOT, 'bench/measure-worker.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const file = join(BENCH_DIR, 'measure-worker.mjs');
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(file, outputText);
  return file;
}

/** Routes are discovered on one import and measured on another, so discovery warms nothing measured. */
function measureInNode(dir: string, measurer: string): { plan: RoutePlan; result: NodeResult } {
  const bundle = join(dir, 'dist/index.js');
  const assets = join(dir, 'assets-deploy');
  const planFile = join(dir, 'node-routes.json');
  const resultFile = join(dir, 'node-result.json');
  run(process.execPath, ['--expose-gc', measurer, 'discover', bundle, assets, planFile]);
  run(process.execPath, ['--expose-gc', measurer, 'measure', bundle, assets, planFile, resultFile]);
  return {
    plan: JSON.parse(readFileSync(planFile, 'utf8')) as RoutePlan,
    result: JSON.parse(readFileSync(resultFile, 'utf8')) as NodeResult,
  };
}

/** One route under load: a warm-up (1 s by default), then the measured run, with workerd's CPU over that run only. */
async function drive(server: DevServer, route: Route, options: Options, warmUpSeconds = 1): Promise<HttpRouteResult> {
  const load = {
    url: server.url + route.path,
    connections: options.connections,
    headers: { ...CLIENT_HEADERS, ...route.headers },
    status: route.status,
  };
  await wrk({ ...load, seconds: warmUpSeconds });
  const cpuBefore = server.workerdCpuMs();
  const result = await wrk({ ...load, seconds: options.seconds });
  const cpuMs = server.workerdCpuMs() - cpuBefore;
  return {
    name: route.name,
    rps: result.rps,
    p50: result.p50Ms,
    p99: result.p99Ms,
    mismatches: result.wrong + result.errors,
    workerdCpuUs: result.requests > 0 ? (cpuMs * 1000) / result.requests : NaN,
  };
}

/** Runs of one route as one row: mean req/s, p50 and CPU per request; worst p99; all mismatches. */
function combined(runs: HttpRouteResult[]): HttpRouteResult {
  const mean = (pick: (run: HttpRouteResult) => number) => sum(runs.map(pick)) / runs.length;
  return {
    name: runs[0]!.name,
    rps: mean((run) => run.rps),
    p50: mean((run) => run.p50),
    p99: Math.max(...runs.map((run) => run.p99)),
    mismatches: sum(runs.map((run) => run.mismatches)),
    workerdCpuUs: mean((run) => run.workerdCpuUs),
  };
}

async function throughput(dir: string, seeds: string, options: Options, size: number): Promise<HttpResult> {
  const server = await startDevServer(seeds, PORT, { cache: join(dir, 'cache.json'), vars: { WIREFEED_BENCH: '1' } });
  // wrangler dev runs in its own process group: an interrupted bench must not leave it behind.
  const interrupted = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    // Discovered again here: the ETag depends on the site settings, which differ from the Node run's.
    const plan = await discoverRoutes((path, headers) => fetch(server.url + path, { headers: headers ?? {} }));
    const [constant, ...others] = plan.routes;
    const step = async (route: Route, warmUpSeconds?: number) => {
      log(size, `load: ${route.name}`);
      return drive(server, route, options, warmUpSeconds);
    };
    const constantFirst = await step(constant!, 1 + SETTLE_SECONDS);
    const routes: HttpRouteResult[] = [];
    const pairedConstants: HttpRouteResult[] = [];
    const half = { ...options, seconds: Math.max(2, Math.round(options.seconds / 2)) };
    for (const route of others) {
      if (route.kind !== 'conditional') {
        routes.push(await step(route));
        continue;
      }
      const runs: HttpRouteResult[] = [];
      const constants: HttpRouteResult[] = [];
      for (let pair = 0; pair < PAIRS; pair++) {
        log(size, `load: constant / ${route.name}, pair ${pair + 1} of ${PAIRS}`);
        constants.push(await drive(server, constant!, half));
        runs.push(await drive(server, route, half));
      }
      pairedConstants.push(...constants);
      routes.push({
        ...combined(runs),
        pairedRatio: sum(runs.map((run) => run.rps)) / sum(constants.map((run) => run.rps)),
      });
    }
    const constantLast = await step(constant!);
    return { plan, constantFirst, constantLast, routes, pairedConstants };
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await server.stop();
  }
}

async function benchSize(size: number, options: Options, measurer: string): Promise<SizeResult> {
  const dir = join(BENCH_DIR, String(size));
  const seeds = join(dir, 'seeds');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(seeds, { recursive: true });
  log(size, 'generating the corpus');
  writeCorpus(seeds, { count: size, seed: 1 });

  const buildArgs = [
    '--seeds',
    seeds,
    '--out',
    join(dir, 'corpus.ts'),
    '--assets',
    join(dir, 'assets'),
    '--cache',
    join(dir, 'cache.json'),
    '--ledger',
    join(dir, 'entities.lock.json'),
  ];
  log(size, 'cold build');
  rmSync(join(dir, 'cache.json'), { force: true });
  const cold = timedBuild(buildArgs);
  log(size, `  ${cold.summary}`);
  log(size, `incremental build after editing ${editOneSeed(seeds)}`);
  const incremental = timedBuild(buildArgs);
  log(size, `  ${incremental.summary}`);

  log(size, 'wrangler deploy --dry-run');
  const deployed = deploy(dir, seeds);
  log(size, 'Worker in Node: startup and CPU per request');
  const node = measureInNode(dir, measurer);
  log(size, 'wrangler dev under wrk');
  const http = await throughput(dir, seeds, options, size);
  return { size, cold, incremental, deploy: deployed, nodePlan: node.plan, node: node.result, http };
}

/** Leaves src/generated as `npm start` expects it: built from seeds/ alone (as the test teardown does). */
function restoreDefaultBuild(): void {
  try {
    run('npm', ['run', '--silent', 'build']);
  } catch (error) {
    console.error(`could not restore the default build: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Report

interface Target {
  pass: boolean;
  text: string;
}

const count = (n: number) => n.toLocaleString('en-US');
const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const mib = (bytes: number) => fixed(bytes / MiB, 2);
const isFeed = (route: Route) => route.kind === 'feed';
const constantBaseline = (http: HttpResult) => (http.constantFirst.rps + http.constantLast.rps) / 2;
const ratioOf = (load: HttpRouteResult, baseline: number) => load.pairedRatio ?? load.rps / baseline;

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function summaryTable(results: SizeResult[]): string {
  const row = (label: string, cell: (result: SizeResult) => string) => [label, ...results.map(cell)];
  return table(
    ['', ...results.map((result) => `${count(result.size)} articles`)],
    [
      row('build cold (s)', (r) => fixed(r.cold.wallS)),
      row('build incremental (s)', (r) => fixed(r.incremental.wallS)),
      row(
        'build peak memory (MB)',
        (r) => `${fixed(r.cold.peakMb, 0)}${r.cold.ownPeakMb === undefined ? '' : ` (build says ${r.cold.ownPeakMb})`}`,
      ),
      row('wrangler deploy --dry-run (s)', (r) => fixed(r.deploy.dryRunS)),
      row('script raw / gzip (MiB)', (r) => `${mib(r.deploy.scriptBytes)} / ${mib(r.deploy.gzipBytes)}`),
      row('asset files', (r) => (r.deploy.assetsFound ? count(r.deploy.assetFiles) : '0 (no assets directory)')),
      row('assets total / largest (MiB)', (r) => `${mib(r.deploy.assetBytes)} / ${mib(r.deploy.largestAsset)}`),
      row(
        'startup CPU: import / first request (ms)',
        (r) => `${fixed(r.node.importCpuMs)} / ${fixed(r.node.firstFetchCpuMs)}`,
      ),
      row('startup heap (MB)', (r) => fixed(r.node.heapDeltaMb)),
    ],
  );
}

function routesTable(result: SizeResult): string {
  const { http, node, nodePlan } = result;
  const baseline = constantBaseline(http);
  const standIn = nodePlan.constantMissing || http.plan.constantMissing ? ' (404 stand-in)' : '';
  const cells = (label: string, load: HttpRouteResult, ratio: string, nodeIndex: number | undefined) => {
    const cpu = nodeIndex === undefined ? undefined : node.routes[nodeIndex];
    return [
      label,
      fixed(load.rps, 0),
      ratio,
      `${fixed(load.p50, 1)} / ${fixed(load.p99, 1)}`,
      cpu ? fixed(cpu.warmCpuUs, 0) : '—',
      cpu ? fixed(cpu.coldCpuMs, 2) : '—',
      fixed(load.workerdCpuUs, 0),
      String(load.mismatches),
    ];
  };
  const rows = [
    cells(`constant${standIn}, first`, http.constantFirst, `baseline ${fixed(baseline, 0)} req/s`, 0),
    ...http.routes.map((load, index) =>
      cells(
        load.name,
        load,
        fixed(ratioOf(load, baseline), 2) + (load.pairedRatio === undefined ? '' : ' (paired)'),
        index + 1,
      ),
    ),
    cells(`constant${standIn}, last`, http.constantLast, '', undefined),
  ];
  const mismatchedNames = http.routes
    .filter((load, index) => load.name !== nodePlan.routes[index + 1]?.name)
    .map((load) => load.name);
  const notes = [
    ...nodePlan.notes,
    ...(standIn
      ? [
          `**The Worker has no \`/__bench/constant\` route** (it answers 404): its 404 stands in as the \
baseline of the ratios.`,
        ]
      : []),
    ...(mismatchedNames.length
      ? [
          `Node and wrangler dev picked different routes (${mismatchedNames.join(', ')}): the Worker CPU \
columns are for the Node run's routes.`,
        ]
      : []),
  ];
  return [
    table(
      [
        'route',
        'req/s',
        'ratio to constant',
        'p50 / p99 (ms)',
        'Worker CPU warm (µs/req)',
        'cold CPU (ms)',
        'workerd CPU/req (µs)',
        'wrong statuses',
      ],
      rows,
    ),
    '',
    ...notes.map((note) => `- ${note}`),
  ].join('\n');
}

function targets(results: SizeResult[]): Target[] {
  const list: Target[] = [];
  const check = (pass: boolean, text: string) => list.push({ pass, text });
  const at = (size: number) => results.find((result) => result.size === size);

  const large = at(50_000);
  if (large) {
    const { deploy: d, node } = large;
    check(d.scriptBytes <= 64 * MiB, `50,000: script ${mib(d.scriptBytes)} MiB ≤ 64 MiB raw`);
    check(d.gzipBytes <= 10 * MiB, `50,000: script ${mib(d.gzipBytes)} MiB ≤ 10 MiB gzip`);
    check(d.assetFiles <= 20_000, `50,000: ${count(d.assetFiles)} asset files ≤ 20,000`);
    check(d.largestAsset <= 25 * MiB, `50,000: largest asset ${mib(d.largestAsset)} MiB ≤ 25 MiB`);
    check(node.importCpuMs < 200, `50,000: startup CPU ${fixed(node.importCpuMs)} ms < 200 ms`);
    check(node.heapDeltaMb < 64, `50,000: startup heap ${fixed(node.heapDeltaMb)} MB < 64 MB`);
    check(large.cold.peakMb < 2000, `50,000: build peak memory ${fixed(large.cold.peakMb, 0)} MB < 2 GB`);
  }
  const medium = at(10_000);
  if (medium) {
    check(medium.cold.wallS <= 120, `10,000: cold build ${fixed(medium.cold.wallS)} s ≤ 120 s`);
    check(medium.incremental.wallS <= 10, `10,000: incremental build ${fixed(medium.incremental.wallS)} s ≤ 10 s`);
  }
  for (const result of results) routeTargets(result, check);
  return list;
}

/** Per size: the worst feed route against each bound, so a miss names the route. */
function routeTargets(result: SizeResult, check: (pass: boolean, text: string) => void): void {
  const size = count(result.size);
  const baseline = constantBaseline(result.http);
  const standIn = result.nodePlan.constantMissing ? ' (baseline: the 404 stand-in)' : '';
  const plan = result.nodePlan.routes.slice(1);
  const rows = plan.map((route, index) => ({
    route,
    cpu: result.node.routes[index + 1]!.warmCpuUs,
    ratio: ratioOf(result.http.routes[index]!, baseline),
  }));
  const feeds = rows.filter(({ route }) => isFeed(route));
  const conditional = rows.filter(({ route }) => route.kind === 'conditional');
  const slowest = feeds.reduce((worst, row) => (row.cpu > worst.cpu ? row : worst));
  const lowest = feeds.reduce((worst, row) => (row.ratio < worst.ratio ? row : worst));
  check(
    slowest.cpu <= 400,
    `${size}: every feed route ≤ 0.4 ms Worker CPU \
(slowest: ${slowest.route.name}, ${fixed(slowest.cpu / 1000, 3)} ms)`,
  );
  check(
    lowest.ratio >= 0.7,
    `${size}: every feed route ≥ 0.70 of the constant route's req/s \
(lowest: ${lowest.route.name}, ${fixed(lowest.ratio, 2)})${standIn}`,
  );
  for (const row of conditional) {
    check(row.cpu <= 200, `${size}: 304 ≤ 0.2 ms Worker CPU (${fixed(row.cpu / 1000, 3)} ms)`);
    check(row.ratio >= 0.95, `${size}: 304 ≥ 0.95 of the constant route's req/s (${fixed(row.ratio, 2)})${standIn}`);
  }
  const wrong = sum(
    [result.http.constantFirst, ...result.http.routes, ...result.http.pairedConstants, result.http.constantLast].map(
      (load) => load.mismatches,
    ),
  );
  check(wrong === 0, `${size}: no unexpected status or error under load (${count(wrong)})`);
}

function machine(): string {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown CPU';
  const cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length || cpus().length;
  const wrangler = (
    JSON.parse(readFileSync(join(ROOT, 'node_modules/wrangler/package.json'), 'utf8')) as { version: string }
  ).version;
  return `${model}, ${cores} cores; Node ${process.version}; wrangler ${wrangler}`;
}

function report(results: SizeResult[], options: Options, checks: Target[], totalS: number): string {
  const args = process.argv.slice(2);
  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
  const minutes = `${Math.floor(totalS / 60)} min ${Math.round(totalS % 60)} s`;
  return [
    '# Wirefeed performance',
    '',
    `Produced by \`${command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${minutes}. ` +
      `Machine: ${machine()}. Corpus: \`bench/generate.ts\`, seed 1. Do not edit: \`npm run bench\` rewrites \
this file (\`--no-docs\` leaves it).`,
    '',
    '## How each figure is measured',
    '',
    '- **build cold / incremental**: wall time of `npm run --silent build -- --seeds … --out … --assets … ' +
      "--cache …`; cold with the cache file deleted, incremental after appending a sentence to one seed's last " +
      'paragraph. `npx tsx bench/incremental.ts` times these two alone, repeated (median of 3).',
    '- **build peak memory**: max RSS of the cold build from `/usr/bin/time -f %M` (the largest process: the ' +
      "build's node, not npm).",
    '- **script raw / gzip**: the files `wrangler deploy --dry-run --outdir` writes, source maps excepted; ' +
      'gzip is zlib at its default level.',
    '- **assets**: the `[assets]` directory of wrangler.toml right after the dry-run: file count, total and ' +
      'largest file.',
    '- **startup CPU / heap**: a fresh `node --expose-gc` (no tsx); `process.cpuUsage()` around `import()` of ' +
      'the bundle and around its first request (the constant route); heap is `heapUsed` after `gc()`, after ' +
      'minus before the import.',
    '- **Worker CPU warm**: same process, requests with `Accept-Encoding: gzip`, `process.cpuUsage()` around ' +
      '`fetch()` only (body read outside), mean of 2,000 requests after 50 warm-up ones; `ASSETS` answers from memory.',
    "- **cold CPU**: the first request of each route on that fresh import, every route's before any is warmed " +
      '(the first pays for compiling the shared code).',
    `- **req/s, p50 / p99**: wrk (2 threads, ${options.connections} connections, \`Accept-Encoding: gzip\` as \
feed readers send) through \`wrangler dev\` on 127.0.0.1, one route at a time, 1 s warm-up \
(${1 + SETTLE_SECONDS} s before the first) then ${options.seconds} s; client and server share the machine. \
wrk, not autocannon: autocannon's JavaScript client spent ~0.7 ms of CPU per 50 KB response, a third of the \
machine, and the ratios measured the client.`,
    `- **ratio**: the route's req/s ÷ the mean req/s of the constant route, measured first and last (both \
shown). The \`304\` route (paired) alternates ${PAIRS} times with the constant route instead, runs of half the \
length, and its ratio is the sum of its req/s ÷ the sum of the constant route's in those pairs: its target's 5 \
% margin is within one run's noise.`,
    '- **workerd CPU/req**: utime + stime of every workerd process under `wrangler dev` (`/proc/<pid>/stat`) ' +
      "during the measured run ÷ responses; wrangler's proxy workerd included.",
    '- **wrong statuses**: answers other than 200 (304 for the conditional route), plus errors and timeouts.',
    '',
    '## Summary',
    '',
    summaryTable(results),
    '',
    ...results.flatMap((result) => [`## Routes at ${count(result.size)} articles`, '', routesTable(result), '']),
    '## Targets',
    '',
    ...checks.map((target) => `- ${target.pass ? 'PASS' : '**FAIL**'} ${target.text}`),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------

let options: Options;
try {
  options = parseOptions();
} catch (error) {
  console.error(
    `${(error as Error).message}\nusage: npm run bench -- [--sizes 1000,10000,50000] [--seconds 8] \
[--connections 16] [--no-docs]`,
  );
  process.exit(2);
}
if (!hasWrk()) {
  console.error('The bench drives wrangler dev with wrk. `npm run bench` installs it; or: sudo apt-get install -y wrk');
  process.exit(2);
}
const results: SizeResult[] = [];
let failure: string | undefined;
try {
  const measurer = compileMeasurer();
  for (const size of options.sizes) {
    try {
      results.push(await benchSize(size, options, measurer));
    } catch (error) {
      // The larger sizes would fail the same way; report what was measured.
      failure = `${count(size)}: ${(error as Error).message}`;
      console.error(`bench stopped at ${failure}`);
      break;
    }
  }
} finally {
  console.log('restoring the default build (seeds/)');
  restoreDefaultBuild();
}
if (results.length === 0) process.exit(1);
const checks = targets(results);
if (failure) checks.push({ pass: false, text: `the bench stopped at ${failure.split('\n')[0]}` });
const text = report(results, options, checks, (performance.now() - runStarted) / 1000);
console.log(`\n${text}`);
if (options.docs) {
  writeFileSync(DOC, text);
  console.log(`written to ${relative(ROOT, DOC)}`);
}
if (checks.some((target) => !target.pass)) process.exitCode = 1;
