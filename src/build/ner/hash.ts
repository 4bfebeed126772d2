// 32-bit integer hashing (MurmurHash3's body and finaliser). Strings are hashed once per distinct word; features
// are then integer mixes of a template id with those word hashes, so the hot path allocates nothing.

/** One MurmurHash3 body round: folds the 32-bit value `k` into the running hash `h`. */
export function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Hash of the UTF-16 code units of `text` from `from` to `to`, with a seed. */
export function hashRange(text: string, from: number, to: number, seed: number): number {
  let h = seed | 0;
  for (let i = from; i < to; i++) h = mix(h, text.charCodeAt(i));
  return finish(h ^ (to - from));
}

export function hashString(text: string, seed = 0): number {
  return hashRange(text, 0, text.length, seed);
}

/** Seeded PRNG (mulberry32): deterministic shuffles in training. */
export function prng(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
