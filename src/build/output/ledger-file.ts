// entities.lock.json on disk: read at the start of a build, written at its end (only when it changed), and
// reviewed and committed by the publisher like a lockfile.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { RetiredSlug } from '../../contract/corpus-index.js';
import { feedGuid } from '../corpus/ids.js';
import { EMPTY_LEDGER, type Ledger, parseLedger } from '../entities/slug-ledger.js';

const HEADER =
  'Every entity slug this site has published, written by the build (docs/continuity.md). A retired slug answers ' +
  '301 to its successor, or 410 when it has none. Commit this file; never delete entries.';

export function readLedger(file: string): Ledger {
  if (!existsSync(file)) return EMPTY_LEDGER;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}); fix it, or restore it from git`);
  }
  return parseLedger(json, file);
}

export function ledgerSource(ledger: Ledger): string {
  return `${JSON.stringify({ $comment: HEADER, slugs: ledger.slugs }, null, 2)}\n`;
}

/** Writes the ledger when it changed; atomically, so a killed build never leaves half a file. */
export function writeLedger(file: string, ledger: Ledger): boolean {
  const source = ledgerSource(ledger);
  if (existsSync(file) && readFileSync(file, 'utf8') === source) return false;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, source);
  renameSync(temporary, file);
  return true;
}

/** The retired slugs as the Worker's index carries them. */
export function retiredSlugs(ledger: Ledger): RetiredSlug[] {
  return Object.entries(ledger.slugs).flatMap(([slug, entry]) =>
    entry.retired
      ? [
          {
            slug,
            to: entry.retired.to,
            name: entry.name,
            type: entry.type,
            feedId: entry.feedId,
            noticeId: feedGuid(`retired:${slug}`),
            reason: entry.retired.reason,
          },
        ]
      : [],
  );
}
