// Entity extraction of one article: the phases in order. Phase 4 (across articles) is resolve-corpus.ts.
import type { Block, Mention } from '../model.js';
import { lexiconTags, sentences, tokenize } from '../text/tokens.js';
import { type Candidate, candidatesIn } from './find-candidates.js';
import { lookupKnown } from './lexicon.js';
import { modelCandidates } from './model-candidates.js';
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
 * Finds the people, organizations and places of one article.
 * Body paragraphs are read first; title-case subheadings only confirm names the body already has,
 * since every word of a subheading is capitalized.
 */
export function extractEntities(blocks: Block[], extractor: Extractor = DEFAULT_EXTRACTOR): Extraction {
  // A subheading in sentence case ("Aid groups warn of disease", "Media contact: Christy Tsang, …") capitalizes
  // only its names, so it is read like the body; so does a byline ("By Gemma Pritchard, Local Democracy Reporter").
  const asBody = (block: Block) =>
    block.kind === 'paragraph' || (block.kind === 'subheading' && (inSentenceCase(block) || BYLINE.test(block.text)));
  const paragraphs = blocks.filter(asBody).map((block) => block.text);
  const candidates: Candidate[] =
    extractor === 'model' ? modelCandidates(paragraphs) : paragraphs.flatMap((text) => candidatesIn(text));

  const { mentions, unresolved } = resolveWithinArticle(candidates);
  const byForm = new Map<string, Mention>();
  for (const mention of mentions) for (const form of mention.forms) byForm.set(foldKey(form), mention);

  for (const block of blocks) {
    if (block.kind !== 'subheading' || asBody(block)) continue;
    for (const terms of sentences(block.text).map(tokenize)) {
      for (const term of terms) {
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
          if (known && isCapitalized(word) && !isFunctionWord(word)) {
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

const BYLINE = /^By\s+\p{Lu}\p{Ll}/u;

/** A word after the first that is neither capitalized nor a function word: the line is not in title case. */
function inSentenceCase(block: Block): boolean {
  const words = block.text.split(/\s+/u).slice(1);
  return words.some((word) => /^\p{Ll}/u.test(word) && !isFunctionWord(word));
}
