// Phases 1 and 2 by the statistical model (src/build/ner): the tagger reads every sentence of the article at
// once (how a word is written elsewhere in it is a feature) and gives each name its span and type. The rest of
// the pipeline is the same as for the rules: within-article and corpus resolution, the config, slugs.
import type { EntityType } from '../../contract/corpus-index.js';
import { type EntitySpanType, loadTagger, spans, type Tagger } from '../ner/tagger.js';
import { tokenize as modelTokens } from '../ner/tokens.js';
import { sentences } from '../text/tokens.js';
import { type Candidate, candidatesIn } from './find-candidates.js';
import {
  isDemonym,
  lookupKnown,
  NON_ENTITY_FIRST,
  NON_ENTITY_HEADS,
  ORG_HEADS,
  PLACE_HEADS,
  PLACE_TITLES,
} from './lexicon.js';
import { stripPossessive } from './slug.js';
import { CALENDAR_WORDS, isAcronym, isCamelCase, isCommonWord, NAME_SHAPE } from './words.js';

const HOLIDAYS = new Set(['christmas', 'easter', 'ramadan', 'diwali', 'hanukkah', 'thanksgiving', 'eid']);

const TYPES: Record<EntitySpanType, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'place' };
const ACRONYM_AFTER = /^\s*\((\p{Lu}[\p{Lu}\d&.]{1,9})\)/u;

let tagger: Tagger | undefined;

/** The model's candidates in the article's paragraphs, in reading order, checked against the rules' evidence. */
export function modelCandidates(paragraphs: string[]): Candidate[] {
  tagger ??= loadTagger();
  const bySentence = paragraphs.map((paragraph) => sentences(paragraph));
  const sentenceTexts = bySentence.flat();
  const tokens = sentenceTexts.map((sentence) => modelTokens(sentence));
  const tags = tagger.tagDocument(tokens.map((sentence) => sentence.map((token) => token.text)));
  const found: Candidate[] = [];
  let index = 0;
  paragraphs.forEach((paragraph, p) => {
    const inParagraph: Candidate[] = [];
    for (const sentence of bySentence[p]!) {
      const inSentence: Candidate[] = [];
      for (const span of spans(tokens[index]!, tags[index]!)) {
        const candidate = toCandidate(sentence, span.start, span.end, TYPES[span.type]);
        if (candidate) inSentence.push(candidate);
      }
      inParagraph.push(...typedAsTheirList(sentence, inSentence));
      index++;
    }
    found.push(...withRuleEvidence(inParagraph, candidatesIn(paragraph)));
  });
  return found;
}

/**
 * Where the rules have firm evidence the model lacks, it wins: a name with an organization or place head word
 * that the model cut in two ("Gulf of Mexico", "Alternative for Germany"); the type the text states of a name
 * ("chocolate maker Barry Callebaut", "Tesla CEO", "Wipro said it"); and names the model missed that the rules are
 * sure of (the lexicon's "US", shapes such as "SpaceX" or "NATO"). Each measured on the tuning sets
 * (docs/entities.md).
 */
function withRuleEvidence(model: Candidate[], rules: Candidate[]): Candidate[] {
  const firm = rules.filter((rule) => rule.type && !rule.weak && !rule.tentative);
  const whole = firm.filter((rule) => rule.words.length > 1 && rule.words.some((word) => isHeadWord(word)));
  const result: Candidate[] = [];
  for (const candidate of model) {
    const outer = whole.find((rule) => rule.surface !== candidate.surface && rule.surface.includes(candidate.surface));
    if (outer) {
      if (!result.includes(outer)) result.push(outer);
      continue;
    }
    const stated = firm.find(
      (rule) => rule.surface === candidate.surface && (rule.strong || rule.words.some((word) => isHeadWord(word))),
    );
    result.push(
      stated && !lookupKnown(candidate.surface) ? { ...candidate, type: stated.type, weak: false } : candidate,
    );
  }
  // Names the model missed that the rules know for certain: the lexicon's ("US"), and shapes ("SpaceX", "NATO").
  const overlaps = (rule: Candidate) =>
    result.some((kept) => kept.surface.includes(rule.surface) || rule.surface.includes(kept.surface));
  for (const rule of firm) if (rule.strong && !overlaps(rule)) result.push(rule);
  return result;
}

/**
 * Names in one list are one kind of thing ("Amazon, Microsoft and Alphabet"): a single unknown word takes the type
 * the rest of its list agrees on.
 */
function typedAsTheirList(sentence: string, candidates: Candidate[]): Candidate[] {
  const lists: Candidate[][] = [];
  candidates.forEach((candidate, i) => {
    const previous = candidates[i - 1];
    const between = previous ? sentence.slice(previous.end, candidate.start) : '';
    if (previous && /^\s*(?:,|,?\s*(?:and|or|&))\s*$/u.test(between)) lists.at(-1)!.push(candidate);
    else lists.push([candidate]);
  });
  for (const list of lists) {
    if (list.length < 3) continue;
    const votes = new Map<EntityType, number>();
    for (const member of list) votes.set(member.type!, (votes.get(member.type!) ?? 0) + 1);
    const [type, count] = [...votes].sort((a, b) => b[1] - a[1])[0]!;
    if (count * 2 <= list.length) continue;
    for (const member of list) if (member.weak && member.type !== type) member.type = type;
  }
  return candidates;
}

function isHeadWord(word: string): boolean {
  const lower = word.toLowerCase();
  return ORG_HEADS.has(lower) || PLACE_HEADS.has(lower);
}

/** What the annotation rules say is never an entity, whatever the model thinks: works, laws, events, days. */
function notAnEntity(words: string[], sentence: string, start: number, end: number): boolean {
  const head = words.at(-1)!.toLowerCase();
  const first = words[0]!.toLowerCase();
  if (words.length === 1 && (CALENDAR_WORDS.has(head) || HOLIDAYS.has(head) || isDemonym(words[0]!))) return true;
  // Generic words capitalized by their place: "Paragraph 2 names Berlin."
  const sentenceInitial = /^[\s"“‘'(]*$/u.test(sentence.slice(0, start));
  if (words.length === 1 && sentenceInitial && isCommonWord(words[0]!, true)) return true;
  // Products and events by their shape: "iPhone", "COP30", "G20".
  if (words.length === 1 && (/^\p{Ll}+\p{Lu}/u.test(words[0]!) || (isAcronym(words[0]!) && /\d/.test(words[0]!)))) {
    return true;
  }
  if (words.length > 1 && (NON_ENTITY_HEADS.has(head) || NON_ENTITY_FIRST.has(first))) return true;
  // A run wholly inside quotation marks is a title of a work.
  return /["“]\s*$/u.test(sentence.slice(0, start)) && /^\s*["”]/u.test(sentence.slice(end));
}

function toCandidate(sentence: string, start: number, end: number, modelType: EntityType): Candidate | undefined {
  // "the Kremlin" → Kremlin; "Musk’s" → Musk (the tokenizer splits most possessives off already).
  const surface = stripPossessive(
    sentence
      .slice(start, end)
      .replace(/^(?:the|The)\s+/u, '')
      .trim(),
  );
  if (!surface || !NAME_SHAPE.test(surface) || !/\p{Lu}/u.test(surface)) return undefined;
  const words = surface.split(/\s+/u);
  if (notAnEntity(words, sentence, start, end)) return undefined;
  // The built-in lexicon is the annotation rules' own: countries are places, metonyms such as the Kremlin are
  // the bodies they stand for. Otherwise the model's type.
  const known = lookupKnown(surface);
  // "Ontario Premier Doug Ford": what governs a premier, governor or mayor is a place.
  const nextWord = /^\s+(\p{L}+)/u.exec(sentence.slice(end))?.[1]?.toLowerCase() ?? '';
  const type = known?.type ?? (PLACE_TITLES.has(nextWord) ? 'place' : modelType);
  const candidate: Candidate = {
    surface,
    words,
    start,
    end,
    type,
    strong: !!known || isAcronym(surface) || isCamelCase(surface),
    // A single unknown word is typed by one context: another article's (or a longer mention's) type may win.
    weak: !known && words.length === 1,
  };
  const acronym = ACRONYM_AFTER.exec(sentence.slice(end))?.[1];
  if (acronym && words.length > 1) candidate.acronym = acronym;
  return candidate;
}
