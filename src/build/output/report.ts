// What the build tells the publisher: one line per warning (`file:line: message`) and one summary line.
import type { Corpus, Warning } from '../model.js';

export function formatWarning(warning: Warning): string {
  return `${warning.level ?? 'warning'}: ${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`;
}

/** A bar on a terminal; under wrangler (no terminal) a line at each quarter, and only for big corpora. */
export function progressBar(done: number, total: number): void {
  if (process.stderr.isTTY) {
    if (total < 200 || (done % 100 !== 0 && done !== total)) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    process.stderr.write(`\r[${bar}] ${done}/${total} seeds${done === total ? '\n' : ''}`);
  } else if (total >= 2000 && done > 0 && done % Math.ceil(total / 4) === 0) {
    process.stderr.write(`wirefeed: ${done}/${total} seeds read\n`);
  }
}

export interface BuildSummary {
  corpus: Corpus;
  files: number;
  seedDirs: string[];
  problems: number;
  notes: number;
  cache?: { hits: number; misses: number };
  packs: { paths: string[]; written: number };
  milliseconds: number;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summaryLine(summary: BuildSummary): string {
  const { corpus, cache, packs } = summary;
  const byType = (type: string) => corpus.entities.filter((entity) => entity.type === type).length;
  const entities =
    `${count(corpus.entities.length, 'entity', 'entities')} (${count(byType('person'), 'person', 'people')}, ` +
    `${count(byType('organization'), 'organization')}, ${count(byType('place'), 'place')})`;
  const warnings = `${count(summary.problems, 'warning')}${summary.notes ? `, ${count(summary.notes, 'note')}` : ''}`;
  const cached = cache ? `${cache.hits} of ${cache.hits + cache.misses} extractions cached; ` : '';
  const written = `${count(packs.paths.length, 'content pack')} (${packs.written} written)`;
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  return (
    `wirefeed: ${count(corpus.articles.length, 'article')} from ${count(summary.files, 'seed file')} in ` +
    `${summary.seedDirs.join(', ')}; ${entities}; ${warnings}; ${cached}${written}; ` +
    `${Math.round(summary.milliseconds)} ms; peak ${peak} MB`
  );
}
