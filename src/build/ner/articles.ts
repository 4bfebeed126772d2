// The project's own annotated articles (eval/entities/articles/*.txt with gold/*.json) as training documents.
// The gold is document-level (each entity's surface forms), so every occurrence of a form in the text is marked
// with the entity's type: longest forms first, whole tokens only, a possessive form marking the name without ’s.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sentences as splitSentences } from '../text/tokens.js';
import type { Document, Tag } from './conll.js';
import { tokenize } from './tokens.js';

export interface GoldEntity {
  name: string;
  type: 'person' | 'organization' | 'place';
  forms: string[];
}

const TYPE: Record<GoldEntity['type'], 'PER' | 'ORG' | 'LOC'> = { person: 'PER', organization: 'ORG', place: 'LOC' };
const DATE_HEADER = /^\s*date\s*:?\s+\S+[ \t]*/i;
const TITLE_HEADER = /^\s*title\s*:?\s/i;
const POSSESSIVE = /^['’]s?$/u;

/** The body of an article: without the date header (the body may go on after it on the same line) and an optional
 * title line; paragraphs split on blank lines, each a list of sentences. */
export function articleParagraphs(text: string): string[][] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  while (lines.length && !lines[0]!.trim()) lines.shift();
  for (let headers = 0; headers < 2 && lines.length; headers++) {
    if (TITLE_HEADER.test(lines[0]!)) lines.shift();
    else if (DATE_HEADER.test(lines[0]!)) {
      lines[0] = lines[0]!.replace(DATE_HEADER, '');
      // The body may start on the date line; then there is no title line after it.
      if (lines[0].trim()) break;
      lines.shift();
    } else break;
  }
  const paragraphs = lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim());
  return paragraphs.filter(Boolean).map((paragraph) => splitSentences(paragraph));
}

/** Marks every occurrence of the entities' forms in the tokenized sentences. */
export function annotate(sentences: string[][], entities: readonly GoldEntity[]): Tag[][] {
  const forms = entities
    .flatMap((entity) =>
      entity.forms.map((form) => {
        const tokens = tokenize(form).map((token) => token.text);
        // "Macron’s" matches "Macron ’s" but marks "Macron".
        const marked =
          tokens.length > 1 && POSSESSIVE.test(tokens[tokens.length - 1]!) ? tokens.length - 1 : tokens.length;
        return { tokens, marked, type: TYPE[entity.type] };
      }),
    )
    .filter((form) => form.marked > 0);
  // Longest first; ties in a fixed order so the result does not depend on the gold file's order.
  forms.sort((a, b) => b.tokens.length - a.tokens.length || (a.tokens.join(' ') < b.tokens.join(' ') ? -1 : 1));
  return sentences.map((tokens) => {
    const tags: Tag[] = tokens.map(() => 'O');
    for (const form of forms) {
      for (let start = 0; start + form.tokens.length <= tokens.length; start++) {
        let matches = true;
        for (let k = 0; k < form.tokens.length && matches; k++) {
          if (tokens[start + k] !== form.tokens[k] || (k < form.marked && tags[start + k] !== 'O')) matches = false;
        }
        if (!matches) continue;
        for (let k = 0; k < form.marked; k++) tags[start + k] = `${k === 0 ? 'B' : 'I'}-${form.type}` as Tag;
      }
    }
    return tags;
  });
}

/** An article and its gold entities as a training document. */
export function articleDocument(text: string, entities: readonly GoldEntity[]): Document {
  const sentences = articleParagraphs(text)
    .flat()
    .map((sentence) => tokenize(sentence).map((token) => token.text));
  const tags = annotate(sentences, entities);
  return { sentences: sentences.map((tokens, s) => ({ tokens, tags: tags[s]! })) };
}

/** All the annotated articles under `dir` (articles/*.txt with gold/*.json), in file-name order. */
export function readArticles(dir: string): Document[] {
  const files = readdirSync(join(dir, 'articles'))
    .filter((name) => name.endsWith('.txt'))
    .sort();
  return files.map((file) => {
    const text = readFileSync(join(dir, 'articles', file), 'utf8');
    const gold = JSON.parse(readFileSync(join(dir, 'gold', `${basename(file, '.txt')}.json`), 'utf8')) as {
      entities: GoldEntity[];
    };
    return articleDocument(text, gold.entities);
  });
}
