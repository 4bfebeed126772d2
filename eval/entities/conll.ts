// Mention-level scores on the CoNLL-2003 development set (exact span and type, PER/ORG/LOC, MISC ignored), for
// the tagger alone and for the whole extraction pipeline with either extractor. The pipeline gives entities per
// document with the forms it saw, not spans; they are projected back onto the tokens (every occurrence of a form
// is a mention of its type, longest first), which is how a feed uses them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Extractor, extractEntities } from '../../src/build/entities/extract.js';
import type { Mention } from '../../src/build/model.js';
import { type Document, parseConll } from '../../src/build/ner/conll.js';
import { evaluate } from '../../src/build/ner/learn.js';
import { type Report, scoreMentions } from '../../src/build/ner/score.js';
import { loadTagger } from '../../src/build/ner/tagger.js';
import { tokenize } from '../../src/build/ner/tokens.js';

export const CONLL_DEV = join(import.meta.dirname, '..', '..', '..', 'shared', 'ner', 'conll2003-dev.txt');
const TYPE_TAGS = { person: 'PER', organization: 'ORG', place: 'LOC' } as const;

export function conllDev(file = CONLL_DEV): Document[] | undefined {
  return existsSync(file) ? parseConll(readFileSync(file, 'utf8')) : undefined;
}

export function taggerScores(documents: Document[]): Report {
  return evaluate(loadTagger(), documents);
}

/** Tags one sentence's tokens with every occurrence of the mentions' forms, longest form first, no overlaps. */
function project(tokens: string[], mentions: Mention[]): string[] {
  const tags = tokens.map(() => 'O');
  const forms = mentions
    .flatMap((mention) => mention.forms.map((form) => ({ words: tokenize(form).map((t) => t.text), mention })))
    .filter(({ words }) => words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
  for (const { words, mention } of forms) {
    for (let start = 0; start + words.length <= tokens.length; start++) {
      const fits = words.every((word, k) => tokens[start + k] === word && tags[start + k] === 'O');
      if (!fits) continue;
      const type = TYPE_TAGS[mention.type];
      words.forEach((_, k) => {
        tags[start + k] = `${k === 0 ? 'B' : 'I'}-${type}`;
      });
    }
  }
  return tags;
}

export function pipelineScores(documents: Document[], extractor: Extractor): Report {
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (const document of documents) {
    // One paragraph per sentence: CoNLL sentences include headlines and table rows, which are no prose.
    const blocks = document.sentences.map((sentence) => ({
      kind: 'paragraph' as const,
      text: sentence.tokens.join(' '),
    }));
    const { mentions } = extractEntities(blocks, extractor);
    for (const sentence of document.sentences) {
      gold.push(sentence.tags);
      predicted.push(project(sentence.tokens, mentions));
    }
  }
  return scoreMentions(gold, predicted);
}
