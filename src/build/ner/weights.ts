// The weights file: the model's weights and transitions and the lexicon its features read, in one gzipped binary.
//
// Weights are quantized to 16-bit integers with one global scale (the largest weight becomes ±32767). A global
// scale multiplies every score alike, so Viterbi picks the same tags from the integers themselves: loading does not
// even multiply. Buckets whose nine weights all round to zero are not stored; the others are written in bucket order
// as a delta-coded bucket number and nine zigzag varints. Lexicon tables are written in key order. Nothing depends
// on hash-map iteration order or the clock, and gzip runs at a fixed level, so the same model gives the same bytes.
import { gunzipSync, gzipSync } from 'node:zlib';
import { TAG_COUNT } from './conll.js';
import type { Lexicon } from './features.js';
import { FEATURE_VERSION } from './features.js';
import { type Model, TRANSITIONS } from './perceptron.js';

const MAGIC = 0x52454e57; // "WNER" little-endian
const FORMAT_VERSION = 1;
const GZIP_LEVEL = 9;
const QUANT_MAX = 32767;

class Writer {
  private bytes = new Uint8Array(1 << 20);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Unsigned LEB128 of a non-negative integer below 2^53. */
  varint(value: number): void {
    this.ensure(8);
    while (value >= 0x80) {
      this.bytes[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.bytes[this.length++] = value;
  }

  signed(value: number): void {
    this.varint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  float64(value: number): void {
    this.ensure(8);
    new DataView(this.bytes.buffer).setFloat64(this.length, value, true);
    this.length += 8;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

class Reader {
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) throw new Error('weights file is truncated');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  signed(): number {
    const value = this.varint();
    return value % 2 === 1 ? -(value + 1) / 2 : value / 2;
  }

  float64(): number {
    const value = new DataView(this.bytes.buffer, this.bytes.byteOffset).getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }
}

function writeTable(writer: Writer, table: Map<number, number>): void {
  const keys = [...table.keys()].map((key) => key >>> 0).sort((a, b) => a - b);
  writer.varint(keys.length);
  let previous = 0;
  for (const key of keys) {
    writer.varint(key - previous);
    writer.varint(table.get(key | 0)! >>> 0);
    previous = key;
  }
}

function readTable(reader: Reader): Map<number, number> {
  const table = new Map<number, number>();
  const count = reader.varint();
  let key = 0;
  for (let k = 0; k < count; k++) {
    key += reader.varint();
    table.set(key | 0, reader.varint() | 0);
  }
  return table;
}

/** The largest absolute weight or transition: the quantization scale is this over 32767. */
function largest(model: Model): number {
  let max = 0;
  for (const w of model.weights) if (Math.abs(w) > max) max = Math.abs(w);
  for (const w of model.transitions) if (Number.isFinite(w) && Math.abs(w) > max) max = Math.abs(w);
  return max || 1;
}

/** Serialises a model and its lexicon: the same inputs give the same bytes. */
export function serializeModel(model: Model, lexicon: Lexicon): Uint8Array {
  const writer = new Writer();
  writer.varint(MAGIC);
  writer.varint(FORMAT_VERSION);
  writer.varint(FEATURE_VERSION);
  writer.varint(model.bits);
  writer.varint(TAG_COUNT);
  const max = largest(model);
  const factor = QUANT_MAX / max;
  writer.float64(max / QUANT_MAX);
  for (let k = 0; k < TRANSITIONS; k++) writer.signed(Math.round(model.transitions[k]! * factor));
  const buckets = 1 << model.bits;
  const quantized = new Int32Array(TAG_COUNT);
  let stored = 0;
  for (let b = 0; b < buckets; b++) if (quantize(model.weights, b, factor, quantized)) stored++;
  writer.varint(stored);
  let previous = 0;
  for (let b = 0; b < buckets; b++) {
    if (!quantize(model.weights, b, factor, quantized)) continue;
    writer.varint(b - previous);
    previous = b;
    for (let t = 0; t < TAG_COUNT; t++) writer.signed(quantized[t]!);
  }
  writer.varint(lexicon.maxPhrase);
  for (const table of [lexicon.words, lexicon.names, lexicon.phrases, lexicon.freq]) writeTable(writer, table);
  return gzipSync(writer.result(), { level: GZIP_LEVEL });
}

/** Rounds bucket b's weights; whether any is non-zero. */
function quantize(weights: ArrayLike<number>, b: number, factor: number, out: Int32Array): boolean {
  let any = false;
  for (let t = 0; t < TAG_COUNT; t++) {
    const q = Math.round(weights[b * TAG_COUNT + t]! * factor);
    out[t] = q;
    if (q !== 0) any = true;
  }
  return any;
}

export interface LoadedModel {
  model: Model;
  lexicon: Lexicon;
  /** Weight units per stored integer (the weights and transitions are kept as the integers). */
  scale: number;
}

/** Reads a weights file written by serializeModel. */
export function deserializeModel(gzipped: Uint8Array): LoadedModel {
  const reader = new Reader(gunzipSync(gzipped));
  if (reader.varint() !== MAGIC) throw new Error('not an entity-model weights file');
  const format = reader.varint();
  if (format !== FORMAT_VERSION) throw new Error(`weights file format ${format}, expected ${FORMAT_VERSION}`);
  const features = reader.varint();
  if (features !== FEATURE_VERSION) {
    throw new Error(`weights were trained with feature version ${features}, the code has ${FEATURE_VERSION}: retrain`);
  }
  const bits = reader.varint();
  if (reader.varint() !== TAG_COUNT) throw new Error('weights file has a different tag set');
  const scale = reader.float64();
  const transitions = new Float32Array(TRANSITIONS);
  for (let k = 0; k < TRANSITIONS; k++) transitions[k] = reader.signed();
  const weights = new Int16Array((1 << bits) * TAG_COUNT);
  const stored = reader.varint();
  let bucket = 0;
  for (let k = 0; k < stored; k++) {
    bucket += reader.varint();
    const base = bucket * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) weights[base + t] = reader.signed();
  }
  const maxPhrase = reader.varint();
  const [words, names, phrases, freq] = [readTable(reader), readTable(reader), readTable(reader), readTable(reader)];
  const lexicon = { words: words!, names: names!, phrases: phrases!, freq: freq!, maxPhrase };
  return { model: { bits, weights, transitions }, lexicon, scale };
}
