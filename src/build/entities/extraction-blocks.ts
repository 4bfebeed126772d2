// What extraction reads of an article, on its own so that the build can key its cache and its worker jobs on it
// without loading the extractor (load-parallel.ts).
import type { Article, Block } from '../model.js';

/**
 * What extraction reads of an article: its blocks, after its headline when the seed gives one (a `title` line), so
 * that a place or body the headline alone names ("Pakistan's Sharif reshuffles cabinet") is found and a name the
 * headline repeats counts once more. A headline derived from the lead repeats it and is left out.
 */
export function extractionBlocks(article: Pick<Article, 'title' | 'blocks'>): Block[] {
  const lead = article.blocks[0]?.text ?? '';
  if (!article.title || lead.startsWith(article.title.replace(/…$/u, ''))) return article.blocks;
  return [{ kind: 'headline', text: article.title }, ...article.blocks];
}
