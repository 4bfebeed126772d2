// Mention-level scoring as CoNLL's conlleval does it: a predicted mention counts only if its span and type match a
// gold mention exactly. Only PER, ORG and LOC are scored; MISC mentions are dropped from gold and prediction alike.

export const SCORED_TYPES = ['PER', 'ORG', 'LOC'] as const;
export type ScoredType = (typeof SCORED_TYPES)[number];

/** A mention as token indices: tokens start … end - 1. */
export interface Chunk {
  start: number;
  end: number;
  type: string;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface Report {
  byType: Record<ScoredType, Scores>;
  micro: Scores;
}

function split(tag: string): [string, string] {
  if (tag === 'O' || tag.length < 3 || tag[1] !== '-') return ['O', ''];
  return [tag[0]!, tag.slice(2)];
}

/** The mentions of a BIO tag sequence, read as conlleval does (an I- after another type starts a mention). */
export function chunks(tags: readonly string[]): Chunk[] {
  const result: Chunk[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const [prefix, tagType] = i < tags.length ? split(tags[i]!) : ['O', ''];
    const continues = prefix === 'I' && tagType === type && start >= 0;
    if (!continues && start >= 0) {
      result.push({ start, end: i, type });
      start = -1;
      type = '';
    }
    if (!continues && prefix !== 'O') {
      start = i;
      type = tagType;
    }
  }
  return result;
}

function scores(tp: number, fp: number, fn: number): Scores {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/** Scores predicted tag sequences against gold ones, sentence by sentence. */
export function scoreMentions(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): Report {
  if (gold.length !== predicted.length) {
    throw new Error(`${gold.length} gold sentences but ${predicted.length} predicted`);
  }
  const counts = new Map(SCORED_TYPES.map((type) => [type as string, { tp: 0, fp: 0, fn: 0 }]));
  gold.forEach((goldTags, s) => {
    const predictedTags = predicted[s]!;
    if (goldTags.length !== predictedTags.length) throw new Error(`sentence ${s}: lengths differ`);
    const key = (chunk: Chunk) => `${chunk.start}:${chunk.end}:${chunk.type}`;
    const goldChunks = chunks(goldTags).filter((chunk) => counts.has(chunk.type));
    const predictedChunks = chunks(predictedTags).filter((chunk) => counts.has(chunk.type));
    const goldKeys = new Set(goldChunks.map(key));
    const predictedKeys = new Set(predictedChunks.map(key));
    for (const chunk of predictedChunks) {
      const count = counts.get(chunk.type)!;
      if (goldKeys.has(key(chunk))) count.tp++;
      else count.fp++;
    }
    for (const chunk of goldChunks) if (!predictedKeys.has(key(chunk))) counts.get(chunk.type)!.fn++;
  });
  const byType = {} as Record<ScoredType, Scores>;
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const type of SCORED_TYPES) {
    const count = counts.get(type)!;
    byType[type] = scores(count.tp, count.fp, count.fn);
    tp += count.tp;
    fp += count.fp;
    fn += count.fn;
  }
  return { byType, micro: scores(tp, fp, fn) };
}

/** A table of precision, recall and F1 per type and micro-averaged, in percent. */
export function formatReport(report: Report): string {
  const pct = (n: number) => (100 * n).toFixed(2).padStart(6);
  const row = (label: string, s: Scores) =>
    `${label.padEnd(6)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}  ${String(s.tp).padStart(5)} ` +
    `${String(s.fp).padStart(5)} ${String(s.fn).padStart(5)}`;
  return [
    'type        P      R     F1     tp    fp    fn',
    ...SCORED_TYPES.map((type) => row(type, report.byType[type])),
    row('micro', report.micro),
  ].join('\n');
}
