import anyAscii from 'any-ascii';

/** The key one entity is known by, whatever the spelling: "Zoë Lefèvre" and "Zoe Lefevre" meet here. */
export function foldKey(name: string): string {
  let key = foldedKeys.get(name);
  if (key === undefined) {
    // A build folds the same few thousand names millions of times; transliteration is the costly part.
    if (foldedKeys.size >= FOLDED_KEYS_MAX) foldedKeys.clear();
    key = fold(name);
    foldedKeys.set(name, key);
  }
  return key;
}

const FOLDED_KEYS_MAX = 200_000;
const foldedKeys = new Map<string, string>();

function fold(name: string): string {
  return anyAscii(name)
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** ASCII URL slug: "Zoë Lefèvre" → "zoe-lefevre". */
export function slugify(name: string): string {
  return foldKey(name).replace(/ /g, '-') || 'entity';
}

/** Code-point order: unlike localeCompare, the same on every host whatever its locale, so builds agree. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "Musk's", "Musk’s", "Reuters'" → the name. */
export const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/u;

export function stripPossessive(word: string): string {
  return word.replace(POSSESSIVE, '');
}

/**
 * The spelling to name an entity by, from how often each was used: the fullest, then one not in capitals, then the
 * most used, then the one with diacritics ("Zoë Lefèvre" over "Zoe Lefevre"), then code-point order so every build
 * agrees.
 */
export function preferredName(spellings: Map<string, number>): string {
  const nonAscii = (text: string) => [...text].filter((char) => char.charCodeAt(0) > 127).length;
  // A dateline's or a headline's capitals ("CHICAGO") lose to the name as prose writes it, however often they come.
  const shouted = (text: string) => (/\p{Ll}/u.test(text) || !/\p{Lu}{4}/u.test(text) ? 0 : 1);
  return [...spellings].sort(
    ([a, countA], [b, countB]) =>
      b.split(' ').length - a.split(' ').length ||
      shouted(a) - shouted(b) ||
      countB - countA ||
      nonAscii(b) - nonAscii(a) ||
      compareText(a, b),
  )[0]![0];
}
