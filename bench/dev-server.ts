// Starts `wrangler dev` on a generated corpus for the load script and the bench; loopback only.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface DevServer {
  url: string;
  process: ChildProcess;
  /** CPU time (user + system, ms) consumed so far by every workerd process wrangler dev runs. */
  workerdCpuMs: () => number;
  stop: () => Promise<void>;
}

export interface DevServerOptions {
  /** Extraction cache for the [build] rerun (WIREFEED_CACHE), so a corpus built just before starts fast. */
  cache?: string;
  /** Extra `--var NAME:value` bindings. */
  vars?: Record<string, string>;
  timeoutMs?: number;
}

export async function startDevServer(seeds: string, port: number, options: DevServerOptions = {}): Promise<DevServer> {
  const url = `http://127.0.0.1:${port}`;
  // A leftover server on the port would answer instead of ours, silently.
  if ((await status(url)) !== undefined) throw new Error(`something already answers on ${url}; stop it first`);
  const vars = { BASE_URL: url, ...options.vars };
  const args = [
    'wrangler',
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WIREFEED_SEEDS: seeds,
    WIREFEED_LEDGER: `${seeds.split(':')[0]}.entities.lock.json`,
    WRANGLER_SEND_METRICS: 'false',
  };
  if (options.cache) env.WIREFEED_CACHE = options.cache;
  // detached: its own process group, so stop() reaches wrangler, esbuild and workerd at once.
  const child = spawn('npx', args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const stop = () => stopGroup(child);
  const timeoutMs = options.timeoutMs ?? 300_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${log}`);
    if ((await status(`${url}/feed.json?limit=1`)) === 200)
      return { url, process: child, workerdCpuMs: () => workerdCpuMs(child.pid!), stop };
    await sleep(1000);
  }
  await stop();
  throw new Error(`wrangler dev did not answer within ${timeoutMs / 1000} s:\n${log}`);
}

/** The status of a GET, or undefined when nothing answers within 5 s. */
async function status(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

/** SIGTERM to the whole group, then SIGKILL to whatever is still there after 10 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const group = child.pid!;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-group, name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  for (let waited = 0; waited < 10_000 && groupMembers(group).length > 0; waited += 200) await sleep(200);
  if (groupMembers(group).length > 0) signal('SIGKILL');
  while (groupMembers(group).length > 0) await sleep(100);
}

interface ProcStat {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  pgrp: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

/** Every process in /proc, from its stat line (fields per proc(5); comm may contain spaces and parentheses). */
function processes(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let line: string;
    try {
      line = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited while we listed
    }
    const close = line.lastIndexOf(')');
    const fields = line.slice(close + 2).split(' '); // fields[0] is field 3 (state)
    stats.push({
      pid: Number(name),
      comm: line.slice(line.indexOf('(') + 1, close),
      state: fields[0]!,
      ppid: Number(fields[1]),
      pgrp: Number(fields[2]),
      ticks: Number(fields[11]) + Number(fields[12]),
    });
  }
  return stats;
}

function groupMembers(group: number): ProcStat[] {
  return processes().filter((stat) => stat.pgrp === group && stat.state !== 'Z');
}

let clockTicks: number | undefined;

/** workerd processes in the server's group or below its root (in case one starts its own group). */
function workerdCpuMs(root: number): number {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const all = processes();
  const below = new Set([root]);
  // Parents come before children often but not always: repeat until no new descendant appears.
  for (let grew = true; grew; ) {
    grew = false;
    for (const stat of all) {
      if (!below.has(stat.pid) && below.has(stat.ppid)) {
        below.add(stat.pid);
        grew = true;
      }
    }
  }
  const ticks = all
    .filter((stat) => stat.comm === 'workerd' && (stat.pgrp === root || below.has(stat.pid)))
    .reduce((sum, stat) => sum + stat.ticks, 0);
  return (ticks * 1000) / clockTicks;
}
