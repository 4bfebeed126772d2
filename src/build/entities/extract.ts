// Entity extraction of one article: the phases in order. Phase 4 (across articles) is resolve-corpus.ts.
import type { Block, Mention } from '../model.js';
import { lexiconTags, sentences, tokenize } from '../text/tokens.js';
import { type Candidate, candidatesIn } from './find-candidates.js';
import { lookupKnown, ORG_HEADS } from './lexicon.js';
import { modelCandidates, PICTURE_CREDIT } from './model-candidates.js';
import { resolveWithinArticle } from './resolve-article.js';
import { foldKey, stripPossessive } from './slug.js';
import { isCapitalized, isFunctionWord } from './words.js';

/** A name the article uses but gives no type: the corpus may know it from other articles ("Tesla"). */
export interface Unresolved {
  name: string;
  forms: string[];
  count: number;
}

export interface Extraction {
  mentions: Mention[];
  unresolved: Unresolved[];
}

/** The statistical model (the default), or the rules it replaced, kept as a documented fallback. */
export type Extractor = 'model' | 'rules';

/** `WIREFEED_EXTRACTOR=rules` builds with the rule-based finder and typer instead of the model. */
export const DEFAULT_EXTRACTOR: Extractor = process.env.WIREFEED_EXTRACTOR === 'rules' ? 'rules' : 'model';

/**
 * Finds the people, organizations and places of one article (its blocks, after its headline: extraction-blocks.ts).
 * Body paragraphs are read first; title-case subheadings and the headline only confirm names the body already has
 * (every word of a title-case line is capitalized, and a headline is too terse for the model), adding only places
 * and bodies everyone knows.
 */
export function extractEntities(blocks: Block[], extractor: Extractor = DEFAULT_EXTRACTOR): Extraction {
  // A subheading in sentence case ("Aid groups warn of disease", "Media contact: Christy Tsang, …") capitalizes
  // only its names, so it is read like the body; so does a byline ("By Gemma Pritchard, Local Democracy Reporter").
  const asBody = (block: Block) =>
    block.kind === 'paragraph' || (block.kind === 'subheading' && (inSentenceCase(block) || isByline(block.text)));
  const paragraphs = blocks.filter(asBody).map((block) => block.text);
  const candidates: Candidate[] =
    extractor === 'model' ? modelCandidates(paragraphs) : paragraphs.flatMap((text) => candidatesIn(text));

  const { mentions, unresolved } = resolveWithinArticle(candidates);
  const byForm = new Map<string, Mention>();
  for (const mention of mentions) for (const form of mention.forms) byForm.set(foldKey(form), mention);

  for (const block of blocks) {
    if (block.kind === 'paragraph' || asBody(block)) continue;
    for (const terms of sentences(block.text).map(tokenize)) {
      const inLongerName = block.kind === 'headline' ? namesOfSeveralWords(terms.map((term) => term.text)) : [];
      for (const [k, term] of terms.entries()) {
        const word = stripPossessive(term.text);
        const mention = byForm.get(foldKey(word));
        if (mention) mention.count++;
        else {
          // Beyond names the body has, a subheading can only add places and bodies everyone knows ("From Washington").
          const known =
            lookupKnown(word) ??
            (lexiconTags(word).some((tag) => ['Country', 'City', 'Region'].includes(tag))
              ? { name: word, type: 'place' as const }
              : undefined);
          // Not a word of a longer name in a sentence-case headline ("Tour de France", "Birmingham Bridge reopens").
          if (known && isCapitalized(word) && !isFunctionWord(word) && !inLongerName[k]) {
            const added: Mention = { name: known.name, type: known.type, forms: [word], count: 1 };
            mentions.push(added);
            byForm.set(foldKey(word), added);
          }
        }
      }
    }
  }
  return { mentions, unresolved };
}

// "By Gemma Pritchard", and a wire story's closing credit "Reporting by Ciarán Mac Giolla Bhríde, Local Democracy
// Reporting Service", a short line without a full stop.
const BYLINE = /^(?:By|(?:Additional\s+)?[Rr]eporting\s+by|Written\s+by)\s+\p{Lu}\p{Ll}/u;
// "Rosie Penhaligon, Local Democracy Reporting Service", "Tom Ward, Rugby League Correspondent": a reporter's name of
// two or three words, a comma, then the body or the desk she writes for.
const SIGNED = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){1,2},\s+(?:\p{Lu}[\p{L}\p{M}'’&-]*\s+)*(\p{Lu}\p{L}+)$/u;
const DESKS = new Set('reporter correspondent editor writer columnist'.split(' '));

function isByline(text: string): boolean {
  const desk = SIGNED.exec(text)?.[1]?.toLowerCase();
  return BYLINE.test(text) || PICTURE_CREDIT.test(text) || (!!desk && (ORG_HEADS.has(desk) || DESKS.has(desk)));
}
const JOINERS = new Set('de del da do dos das di du des la le of the van von'.split(' '));

/**
 * Which words stand in a run of two or more capitalised words, joined by particles ("Lagos de Covadonga", "Japan
 * Series"); a possessive ends a run ("Pakistan's Sharif").
 */
function namesOfSeveralWords(words: string[]): boolean[] {
  const capital = (k: number) => k >= 0 && k < words.length && /^\p{Lu}/u.test(words[k]!);
  const possessive = (k: number) => /['’]s$/u.test(words[k] ?? '');
  const joined = (k: number, step: 1 | -1): boolean => {
    const next = k + step;
    if (step === 1 ? possessive(k) : possessive(next)) return false;
    if (capital(next)) return true;
    return JOINERS.has(words[next] ?? '') && capital(next + step) && (step === 1 || !possessive(next + step));
  };
  return words.map((_, k) => capital(k) && (joined(k, 1) || joined(k, -1)));
}

/** A word after the first that is neither capitalized nor a function word: the line is not in title case. */
function inSentenceCase(block: Block): boolean {
  const words = block.text.split(/\s+/u).slice(1);
  return words.some((word) => /^\p{Ll}/u.test(word) && !isFunctionWord(word));
}
