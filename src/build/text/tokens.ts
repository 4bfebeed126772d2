// A fast tokenizer for name finding: sentences, then words with their surrounding punctuation, tagged from
// compromise's lexicon. compromise's full tagger costs ~20 ms per 500 words; this costs well under 1 ms, and
// the tags a name finder needs (first names, places, days, function words) are lexicon facts anyway.
import nlp from 'compromise';

import { ABBREVIATIONS } from './sentences.js';

export { sentences } from './sentences.js';

export type Term = { text: string; pre: string; post: string; tags: string[] };

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

const NAME_TAGS = new Set(['Organization', 'Place', 'Country', 'City', 'Region', 'SportsTeam']);

const TAG_IMPLIES: Record<string, string[]> = {
  MaleName: ['FirstName', 'Person'],
  FemaleName: ['FirstName', 'Person'],
  FirstName: ['Person'],
  LastName: ['Person'],
  City: ['Place'],
  Country: ['Place'],
  Region: ['Place'],
  WeekDay: ['Date'],
  Month: ['Date'],
  SportsTeam: ['Organization'],
};

/** The word's lexicon tags with the tags they imply; a fresh array each call (callers add to it). */
export function lexiconTags(word: string): string[] {
  const lower = word.toLowerCase();
  let tags = tagsByWord.get(lower);
  if (tags === undefined) {
    // Computed once per word: this was ~5% of extraction time.
    const found = lexicon[lower];
    tags = found === undefined ? [] : [...new Set([found].flat().flatMap((tag) => [tag, ...(TAG_IMPLIES[tag] ?? [])]))];
    tagsByWord.set(lower, tags);
  }
  return tags.slice();
}

const tagsByWord = new Map<string, readonly string[]>();

export function inLexicon(word: string): boolean {
  return lexicon[word.toLowerCase()] !== undefined;
}

const COMPOUND_SUFFIXES = [
  ...'based headquartered born listed owned led backed made registered'.split(' '),
  ...'focused bound area era style linked allied funded'.split(' '),
];
const COMPOUND = new RegExp(`^(\\p{Lu}[\\p{L}.'’]*)-(?:${COMPOUND_SUFFIXES.join('|')})$`, 'u');
const CONTRACTION = /^(?:I|It|He|She|We|They|You|That|There|What|Who|Let)['’](?:m|s|re|ve|ll|d)$/u;
const LEADING = /^[("“‘'[«¿¡*_]+/u;
const TRAILING = /[)"”’'\],.;:!?…»*_]+$/u;

/** Words with the punctuation before and after them; dashes stand alone as punctuation. */
export function tokenize(sentence: string): Term[] {
  const terms: Term[] = [];
  const chunks = sentence.split(/\s+|(?=[—–])|(?<=[—–])/u).filter(Boolean);
  let pendingPre = '';
  for (const chunk of chunks) {
    // Most words begin and end with an ASCII letter or digit: no punctuation to take off, no pattern to run.
    const plainStart = isAsciiAlphanumeric(chunk.charCodeAt(0));
    if (!plainStart && (/^[—–-]+$/u.test(chunk) || !/[\p{L}\p{N}]/u.test(chunk))) {
      if (terms.length) terms.at(-1)!.post += ` ${chunk} `;
      else pendingPre += chunk;
      continue;
    }
    const pre = plainStart ? '' : (LEADING.exec(chunk)?.[0] ?? '');
    let body = chunk.slice(pre.length);
    let post = isAsciiAlphanumeric(body.charCodeAt(body.length - 1)) ? '' : (TRAILING.exec(body)?.[0] ?? '');
    // Keep the dots of "U.S." and "Jr." inside the word; a possessive "Reuters'" loses only its apostrophe.
    if (post.startsWith('.') && /^(?:\p{L}\.)+$/u.test(body.slice(0, body.length - post.length + 1)))
      post = post.slice(1);
    else if (
      post.startsWith('.') &&
      /^\p{Lu}/u.test(body) &&
      ABBREVIATIONS.has(body.slice(0, body.length - post.length).toLowerCase())
    )
      post = post.slice(1);
    body = body.slice(0, body.length - post.length);
    if (!body) continue;
    // "Zurich-based", "Kremlin-backed": the name, then the rest as punctuation-like context.
    const compound = body.includes('-') ? COMPOUND.exec(body) : null;
    if (compound) {
      post = body.slice(compound[1]!.length) + post;
      body = compound[1]!;
    }
    terms.push({ text: body, pre: pendingPre + pre, post: post || ' ', tags: [] });
    pendingPre = '';
  }
  terms.forEach((term, index) => {
    term.tags = termTags(term, index === 0 || startsClause(term, terms[index - 1]!));
  });
  return terms;
}

const isAsciiAlphanumeric = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
const isAsciiLower = (code: number) => code >= 97 && code <= 122;

/** After an opening quotation mark or parenthesis, or a colon. */
const startsClause = (term: Term, previous: Term) =>
  (term.pre !== '' && /["“‘(]/u.test(term.pre)) || (previous.post.includes(':') && /[:]\s*$/u.test(previous.post));

function termTags(term: Term, clauseStart: boolean): string[] {
  const text = term.text;
  const apostrophe = text.includes("'") || text.includes('’');
  const bare = apostrophe || text.endsWith('.') ? text.replace(/['’]s$/u, '').replace(/\.$/u, '') : text;
  // An acronym has no lower-case letter, so a lower-case first or second letter rules it out without a pattern.
  const isAcronym =
    !isAsciiLower(bare.charCodeAt(0)) &&
    !isAsciiLower(bare.charCodeAt(1)) &&
    /^[\p{Lu}\d&.]{2,}$/u.test(bare) &&
    /\p{Lu}.*\p{Lu}|\p{Lu}\./u.test(bare);
  // "US" is not the pronoun "us": an all-capitals word keeps only the lexicon's name tags.
  const tags = isAcronym ? ['Acronym', ...lexiconTags(bare).filter((tag) => NAME_TAGS.has(tag))] : lexiconTags(bare);
  // "I’m", "It's", "We'll": pronouns, whatever the apostrophe.
  if (apostrophe && CONTRACTION.test(text)) tags.push('Pronoun');
  const first = text.charCodeAt(0);
  const upper = (first >= 65 && first <= 90) || (!isAsciiLower(first) && /^\p{Lu}/u.test(text));
  tags.push(clauseStart ? 'SentenceStart' : upper ? 'ProperNoun' : 'Lowercase');
  if (apostrophe && /['’]s$/u.test(text)) tags.push('Possessive');
  return tags;
}
