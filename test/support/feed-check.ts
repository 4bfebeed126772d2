// Runs ../shared/feed-check/validate-feed (the W3C Feed Validation Service's code, feedparser, a JSON Feed 1.1
// checker, xmllint, the RFC 4287 schema, newsboat and feedsmith) on a served feed. In CI it must be there; on a
// publisher's machine without it, the tests that need it are skipped and say why.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths.js';

const run = promisify(execFile);

export const FEED_CHECK = process.env.FEED_CHECK ?? join(ROOT, '..', 'shared', 'feed-check', 'validate-feed');
export const HAS_FEED_CHECK = existsSync(FEED_CHECK);
if (!HAS_FEED_CHECK && process.env.CI) throw new Error(`CI needs the feed checkers at ${FEED_CHECK}`);
if (!HAS_FEED_CHECK) console.warn(`feed checks skipped: ${FEED_CHECK} not found (set FEED_CHECK to its path)`);

export interface FeedCheck {
  /** Checker lines that are neither ok nor SKIP. */
  failures: string[];
  /** Every warning any checker printed (the W3C validator's in particular): each is a defect. */
  warnings: string[];
  output: string;
}

export async function checkFeed(url: string, format: 'atom' | 'rss' | 'json'): Promise<FeedCheck> {
  const { stdout } = await run(FEED_CHECK, ['--format', format, url], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }),
  );
  const lines = stdout.split('\n');
  const failures = lines.filter((line) => /^[\w.-]+: /.test(line) && !/^[\w.-]+: (?:ok|SKIP)\b/.test(line));
  // The one warning expected: JSON Feed 1.0's `author` beside 1.1's `authors`, kept on purpose for readers that
  // know only 1.0 (NetNewsWire); the checker itself says both may be given.
  const expected = (line: string) => line.includes('`author` is deprecated in 1.1; use `authors` (both may be given)');
  const warnings = lines.filter((line) => /^\s+warning:/i.test(line) && !expected(line)).map((line) => line.trim());
  return { failures, warnings, output: stdout };
}
