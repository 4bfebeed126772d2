// Averaged structured perceptron over the nine BIO tags with first-order tag transitions and Viterbi decoding.
// Weights live in one flat table, TAG_COUNT floats a feature bucket, so a feature's scores for all tags are
// adjacent in memory. Averaging is lazy: each weight remembers when it last changed, and its running total is
// brought up to date only then, so an update costs the same however long training has run.
import { TAG_COUNT, TAGS, type Tag, typeOf } from './conll.js';
import { FeatureBuffer, type FeatureExtractor } from './features.js';
import { prng } from './hash.js';

const N = TAG_COUNT;
/** Row of the transition table for "before the first token". */
export const START = N;
export const TRANSITIONS = (N + 1) * N;

/** BIO constraint: I-X only after B-X or I-X (and never first). Index prev * N + cur, prev = START for the start. */
export const ALLOWED = (() => {
  const allowed = new Uint8Array(TRANSITIONS);
  for (let prev = 0; prev <= N; prev++) {
    for (let cur = 0; cur < N; cur++) {
      const inside = cur > 0 && (cur & 1) === 0;
      allowed[prev * N + cur] = !inside || (prev < N && (prev === cur || prev === cur - 1)) ? 1 : 0;
    }
  }
  return allowed;
})();

/** Training keeps floats; a loaded model keeps the file's 16-bit integers (half the memory, the same tags). */
export type WeightTable = Float32Array | Int16Array;

export interface Model {
  bits: number;
  /** (1 << bits) * TAG_COUNT weights: bucket-major. */
  weights: WeightTable;
  /** (TAG_COUNT + 1) * TAG_COUNT transition weights, prev-major, the last row from the start. */
  transitions: Float32Array;
}

export function emptyModel(bits: number): Model {
  return { bits, weights: new Float32Array((1 << bits) * N), transitions: new Float32Array(TRANSITIONS) };
}

/** Per-token tag scores of a sentence: scores[i * N + t]. */
export function scoreSentence(weights: WeightTable, buffer: FeatureBuffer, scores: Float64Array): void {
  const feats = buffer.feats;
  const offsets = buffer.offsets;
  for (let i = 0; i < buffer.length; i++) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0,
      s8 = 0;
    const end = offsets[i + 1]!;
    for (let k = offsets[i]!; k < end; k++) {
      const w = feats[k]! * 9;
      s0 += weights[w]!;
      s1 += weights[w + 1]!;
      s2 += weights[w + 2]!;
      s3 += weights[w + 3]!;
      s4 += weights[w + 4]!;
      s5 += weights[w + 5]!;
      s6 += weights[w + 6]!;
      s7 += weights[w + 7]!;
      s8 += weights[w + 8]!;
    }
    const history = buffer.history[i]!;
    if (history >= 0) {
      const w = history * 9;
      s0 += weights[w]!;
      s1 += weights[w + 1]!;
      s2 += weights[w + 2]!;
      s3 += weights[w + 3]!;
      s4 += weights[w + 4]!;
      s5 += weights[w + 5]!;
      s6 += weights[w + 6]!;
      s7 += weights[w + 7]!;
      s8 += weights[w + 8]!;
    }
    const base = i * 9;
    scores[base] = s0;
    scores[base + 1] = s1;
    scores[base + 2] = s2;
    scores[base + 3] = s3;
    scores[base + 4] = s4;
    scores[base + 5] = s5;
    scores[base + 6] = s6;
    scores[base + 7] = s7;
    scores[base + 8] = s8;
  }
}

/** Scratch space for decoding sentences of up to `capacity` tokens. */
export class Lattice {
  scores: Float64Array;
  delta: Float64Array;
  back: Int32Array;
  path: Int32Array;
  readonly transitions = new Float64Array(TRANSITIONS);

  constructor(capacity = 256) {
    this.scores = new Float64Array(capacity * N);
    this.delta = new Float64Array(capacity * N);
    this.back = new Int32Array(capacity * N);
    this.path = new Int32Array(capacity);
  }

  ensure(length: number): void {
    if (this.path.length >= length) return;
    const capacity = 2 * length;
    this.scores = new Float64Array(capacity * N);
    this.delta = new Float64Array(capacity * N);
    this.back = new Int32Array(capacity * N);
    this.path = new Int32Array(capacity);
  }

  /** Takes the model's transition weights, with forbidden transitions at -Infinity. */
  setTransitions(transitions: ArrayLike<number>): void {
    for (let k = 0; k < TRANSITIONS; k++) this.transitions[k] = ALLOWED[k] ? transitions[k]! : -Infinity;
  }
}

/** Best tag sequence for the scores in `lattice.scores` (its transitions set), written to `lattice.path`. */
export function viterbi(lattice: Lattice, length: number): Int32Array {
  const { scores, delta, back, path, transitions } = lattice;
  if (length === 0) return path;
  for (let t = 0; t < N; t++) delta[t] = transitions[START * N + t]! + scores[t]!;
  for (let i = 1; i < length; i++) {
    const row = i * N;
    const previous = row - N;
    for (let cur = 0; cur < N; cur++) {
      let best = -Infinity;
      let arg = 0;
      for (let prev = 0; prev < N; prev++) {
        const value = delta[previous + prev]! + transitions[prev * N + cur]!;
        if (value > best) {
          best = value;
          arg = prev;
        }
      }
      delta[row + cur] = best + scores[row + cur]!;
      back[row + cur] = arg;
    }
  }
  let last = 0;
  const end = (length - 1) * N;
  for (let t = 1; t < N; t++) if (delta[end + t]! > delta[end + last]!) last = t;
  path[length - 1] = last;
  for (let i = length - 1; i > 0; i--) path[i - 1] = back[i * N + path[i]!]!;
  return path;
}

/**
 * Tags a document sentence by sentence, carrying predicted types forward as history features. With `onSentence`,
 * calls it with each sentence's features and prediction before the prediction is recorded (training updates there).
 */
export function decodeDocument(
  model: Pick<Model, 'weights' | 'transitions'>,
  extractor: FeatureExtractor,
  sentences: readonly (readonly string[])[],
  buffer: FeatureBuffer,
  lattice: Lattice,
  onSentence?: (s: number, buffer: FeatureBuffer, path: Int32Array) => void,
): Int32Array[] {
  extractor.beginDocument(sentences);
  const result: Int32Array[] = [];
  let types = new Int32Array(256);
  lattice.setTransitions(model.transitions);
  for (let s = 0; s < sentences.length; s++) {
    const length = sentences[s]!.length;
    lattice.ensure(length);
    extractor.sentence(s, buffer);
    extractor.history(s, buffer);
    scoreSentence(model.weights, buffer, lattice.scores);
    const path = viterbi(lattice, length);
    if (onSentence) {
      onSentence(s, buffer, path);
      lattice.setTransitions(model.transitions);
    }
    const tags = path.slice(0, length);
    result.push(tags);
    if (types.length < length) types = new Int32Array(2 * length);
    for (let i = 0; i < length; i++) types[i] = typeOf(tags[i]!);
    extractor.record(s, types);
  }
  return result;
}

/** Names of tag indices. */
export function tagNames(tags: ArrayLike<number>): Tag[] {
  return Array.from(tags as ArrayLike<number>, (tag) => TAGS[tag]!);
}

/** Perceptron training state: current weights, their running totals and when each last changed. */
export class Trainer {
  readonly model: Model & { weights: Float32Array };
  private readonly totals: Float64Array;
  private readonly stamps: Int32Array;
  private readonly transitionTotals = new Float64Array(TRANSITIONS);
  private readonly transitionStamps = new Int32Array(TRANSITIONS);
  /** Sentences seen so far: the clock the averages are kept by. */
  time = 1;

  constructor(bits: number) {
    this.model = { bits, weights: new Float32Array((1 << bits) * N), transitions: new Float32Array(TRANSITIONS) };
    this.totals = new Float64Array(this.model.weights.length);
    this.stamps = new Int32Array(this.model.weights.length);
  }

  private bump(index: number, delta: number): void {
    const weights = this.model.weights;
    this.totals[index]! += (this.time - this.stamps[index]!) * weights[index]!;
    this.stamps[index] = this.time;
    weights[index]! += delta;
  }

  private bumpTransition(index: number, delta: number): void {
    const transitions = this.model.transitions;
    this.transitionTotals[index]! += (this.time - this.transitionStamps[index]!) * transitions[index]!;
    this.transitionStamps[index] = this.time;
    transitions[index]! += delta;
  }

  /** One perceptron step on a decoded sentence: reward the gold tags' features, penalise the predicted ones. */
  update(buffer: FeatureBuffer, gold: ArrayLike<number>, predicted: ArrayLike<number>): void {
    const { feats, offsets, history } = buffer;
    for (let i = 0; i < buffer.length; i++) {
      const g = gold[i]!;
      const p = predicted[i]!;
      const gPrev = i === 0 ? START : gold[i - 1]!;
      const pPrev = i === 0 ? START : predicted[i - 1]!;
      if (gPrev !== pPrev || g !== p) {
        this.bumpTransition(gPrev * N + g, 1);
        this.bumpTransition(pPrev * N + p, -1);
      }
      if (g === p) continue;
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        this.bump(feats[k]! * N + g, 1);
        this.bump(feats[k]! * N + p, -1);
      }
      if (history[i]! >= 0) {
        this.bump(history[i]! * N + g, 1);
        this.bump(history[i]! * N + p, -1);
      }
    }
    this.time++;
  }

  /** Counts a sentence that needed no update. */
  tick(): void {
    this.time++;
  }

  /** The averaged model: each weight's mean over all the steps so far. */
  averaged(): Model {
    const { weights, transitions } = this.model;
    const average = emptyModel(this.model.bits);
    const time = this.time;
    for (let k = 0; k < weights.length; k++) {
      const w = weights[k]!;
      const total = this.totals[k]!;
      if (w !== 0 || total !== 0) average.weights[k] = (total + (time - this.stamps[k]!) * w) / time;
    }
    for (let k = 0; k < TRANSITIONS; k++) {
      const total = this.transitionTotals[k]! + (time - this.transitionStamps[k]!) * transitions[k]!;
      average.transitions[k] = total / time;
    }
    return average;
  }
}

export interface TrainingDocument {
  sentences: string[][];
  tags: Int32Array[];
  /** Which extractor (lexicon view) its features come from. */
  fold: number;
  /**
   * Its O tags only say "no person, organization or place": the project's articles are annotated without MISC, so
   * a MISC the model predicts over O ("Brazilian", "World Cup") is taken as right instead of unlearnt.
   */
  noMisc?: boolean;
}

const B_MISC = TAGS.indexOf('B-MISC');
const I_MISC = TAGS.indexOf('I-MISC');

/** The gold tags with each MISC chunk of the prediction that lies wholly on O copied in. */
export function withPredictedMisc(gold: Int32Array, path: ArrayLike<number>): Int32Array {
  const result = Int32Array.from(gold);
  for (let i = 0; i < gold.length; i++) {
    if (path[i] !== B_MISC) continue;
    let end = i + 1;
    while (end < gold.length && path[end] === I_MISC) end++;
    let free = true;
    for (let k = i; k < end; k++) if (gold[k] !== 0) free = false;
    if (free) for (let k = i; k < end; k++) result[k] = path[k]!;
    i = end - 1;
  }
  return result;
}

/** One epoch over the documents in a seeded random order. */
export function trainEpoch(
  trainer: Trainer,
  documents: readonly TrainingDocument[],
  extractors: readonly FeatureExtractor[],
  seed: number,
): void {
  const order = documents.map((_, index) => index);
  const random = prng(seed);
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  const buffer = new FeatureBuffer();
  const lattice = new Lattice();
  for (const index of order) {
    const document = documents[index]!;
    const extractor = extractors[document.fold]!;
    decodeDocument(trainer.model, extractor, document.sentences, buffer, lattice, (s, features, path) => {
      const gold = document.noMisc ? withPredictedMisc(document.tags[s]!, path) : document.tags[s]!;
      let same = true;
      for (let i = 0; i < gold.length; i++) if (gold[i] !== path[i]) same = false;
      if (same) trainer.tick();
      else trainer.update(features, gold, path);
    });
  }
}
