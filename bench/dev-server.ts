// Starts `wrangler dev` on a generated corpus for the load script and the bench; loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface DevServer {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function startDevServer(seeds: string, port: number, timeoutMs = 300_000): Promise<DevServer> {
  const child = spawn('npx', ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--var', `BASE_URL:http://127.0.0.1:${port}`], {
    env: { ...process.env, WIREFEED_SEEDS: seeds, WRANGLER_SEND_METRICS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {}
    await sleep(500);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${log}`);
    try {
      const response = await fetch(`${url}/feed.json?limit=1`);
      if (response.ok) return { url, process: child, stop };
    } catch {}
    await sleep(1000);
  }
  await stop();
  throw new Error(`wrangler dev did not answer within ${timeoutMs / 1000} s:\n${log}`);
}
