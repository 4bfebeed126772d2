// Drives one URL with wrk (Debian's `wrk` package). The load generator shares the 2 cores with wrangler dev,
// so its own cost per response counts against every route: autocannon's JavaScript client spent ~0.7 ms of
// CPU per 50 KB response (a third of the machine), wrk spends a few µs, so the figures describe the server.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface WrkLoad {
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** Any other status is counted as wrong. */
  status: number;
}

export interface WrkResult {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers with another status than expected. */
  wrong: number;
  /** Connect, read, write errors and timeouts. */
  errors: number;
}

// Each wrk thread runs its own Lua state: `done` sums the threads' counters.
const SCRIPT = `
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) wrong = 0; expected = tonumber(args[1]) end
function response(status, headers, body) if status ~= expected then wrong = wrong + 1 end end
function done(summary, latency, requests)
  local wrongTotal = 0
  for _, thread in ipairs(threads) do wrongTotal = wrongTotal + thread:get("wrong") end
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"wrong":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), wrongTotal,
    e.connect + e.read + e.write + e.timeout))
end
`;

let scriptPath: string | undefined;

export function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version prints its banner and exits 1; only a missing binary is ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** Async: wrangler dev's log pipe must keep draining while the load runs. */
export async function wrk(load: WrkLoad): Promise<WrkResult> {
  if (!scriptPath) {
    scriptPath = join(mkdtempSync(join(tmpdir(), 'wirefeed-wrk-')), 'count-statuses.lua');
    writeFileSync(scriptPath, SCRIPT);
  }
  const headerArgs = Object.entries(load.headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const args = [
    '-t',
    '2',
    '-c',
    String(load.connections),
    '-d',
    `${load.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    scriptPath,
    ...headerArgs,
    load.url,
    '--',
    String(load.status),
  ];
  const { stdout: output } = await promisify(execFile)('wrk', args, {
    encoding: 'utf8',
    timeout: (load.seconds + 30) * 1000,
  });
  const line = output.split('\n').find((text) => text.startsWith('WRK_RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${output}`);
  const raw = JSON.parse(line.slice('WRK_RESULT '.length)) as {
    requests: number;
    durationUs: number;
    p50Us: number;
    p99Us: number;
    wrong: number;
    errors: number;
  };
  return {
    requests: raw.requests,
    rps: raw.requests / (raw.durationUs / 1e6),
    p50Ms: raw.p50Us / 1000,
    p99Ms: raw.p99Us / 1000,
    wrong: raw.wrong,
    errors: raw.errors,
  };
}
