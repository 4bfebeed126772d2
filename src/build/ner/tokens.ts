// A tokenizer for one sentence of prose that produces the tokens the CoNLL-2003 model was trained on (Penn
// Treebank-like): punctuation stands alone, the possessive ’s / 's and contractions (n't, 're, …) are split off,
// "U.S.", initials "J." and abbreviations "Mr." keep their full stop, hyphenated words ("Zurich-based", "6-4",
// "1996-08-22") and numbers with separators ("1,000", "3.5") stay whole, quotes of every kind are tokens.

export interface Token {
  text: string;
  /** UTF-16 offset of the first character in the sentence string. */
  start: number;
  /** UTF-16 offset one past the last character. */
  end: number;
}

// Capitalised words after which a full stop belongs to the word, as in "Mr. Smith", "Acme Inc.", "Jan. 5". Short
// words that also end sentences ("Sun.", "Miss.", "Ill.") are left out; "No." keeps its stop only before a number.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms messrs dr prof st mt ft jr sr gen gov sen rep lt col capt cmdr sgt adm maj rev hon pres supt ' +
    'inc corp ltd co bros plc llc dept univ assn ave blvd ' +
    'jan feb apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri ' +
    'ala ariz ark calif colo conn fla kan ky md mich minn mont neb nev okla tenn tex vt wis wyo'
  ).split(' '),
);
const LOWERCASE_ABBREVIATIONS = new Set(['vs', 'approx', 'etc', 'cf']);

// A run of letters with full stops: "U.S.", "U.S.A.", "e.g.", optionally hyphenated on ("U.S.-led").
const DOTTED = /(?:\p{L}\.){2,}(?:-[\p{L}\p{M}\p{N}]+)*/uy;
// A word: letters, marks and digits, joined by hyphens, apostrophes (the Uzbek "Qo‘chqorov" too), ampersands
// ("AT&T") and, between digits, by . , : / ("3.5", "1,000", "10:30", "24/7").
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:[-\u2011'’‘&]|(?<=\p{N})[.,:/](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/uy;
// Clitics split off the end of a word: possessive 's and the contractions PTB separates.
const CLITIC = /^(.*\p{L})(['’](?:s|re|ve|ll|d|m)|n['’]t)$/iu;
const MULTI_PUNCTUATION = /\.{2,}|-{2,}|[!?]{2,}/y;

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x2009 ||
    code === 0x202f ||
    code === 0x200b ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

/** Whether "word." at `end` is an abbreviation or an initial that keeps its full stop. */
function keepsFullStop(word: string, sentence: string, end: number): boolean {
  if (/^\p{Lu}$/u.test(word)) return true;
  const lower = word.toLowerCase();
  if (lower === 'no' || lower === 'nos') return /^\.\s*\d/u.test(sentence.slice(end, end + 4));
  if (LOWERCASE_ABBREVIATIONS.has(word)) return true;
  return /^\p{Lu}/u.test(word) && ABBREVIATIONS.has(lower);
}

function pushWord(tokens: Token[], word: string, start: number): void {
  const clitic = CLITIC.exec(word);
  if (clitic && clitic[1]!.length > 0) {
    const stem = clitic[1]!;
    tokens.push({ text: stem, start, end: start + stem.length });
    tokens.push({ text: clitic[2]!, start: start + stem.length, end: start + word.length });
  } else tokens.push({ text: word, start, end: start + word.length });
}

/** Splits one sentence into tokens with their offsets in it. */
export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const length = sentence.length;
  while (at < length) {
    const code = sentence.charCodeAt(at);
    if (isSpace(code)) {
      at++;
      continue;
    }
    DOTTED.lastIndex = at;
    const dotted = DOTTED.exec(sentence);
    if (dotted) {
      tokens.push({ text: dotted[0], start: at, end: at + dotted[0].length });
      at += dotted[0].length;
      continue;
    }
    WORD.lastIndex = at;
    const word = WORD.exec(sentence);
    if (word) {
      let text = word[0];
      if (sentence.charCodeAt(at + text.length) === 46 && keepsFullStop(text, sentence, at + text.length)) text += '.';
      pushWord(tokens, text, at);
      at += text.length;
      continue;
    }
    MULTI_PUNCTUATION.lastIndex = at;
    const multi = MULTI_PUNCTUATION.exec(sentence);
    const width = multi ? multi[0].length : code >= 0xd800 && code <= 0xdbff && at + 1 < length ? 2 : 1;
    tokens.push({ text: sentence.slice(at, at + width), start: at, end: at + width });
    at += width;
  }
  return tokens;
}
