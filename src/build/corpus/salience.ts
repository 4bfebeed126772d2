// Salience: how central each entity is to an article, so a feed can hold only the articles *about* an entity and not
// every one that names it in passing. Four signals, from the article and the extractor's mention (its surface forms
// and count); none needs a model:
//   headline  a form of the entity is in the title                          (a story names its subject up top)
//   lead      a form is in the lead paragraph (the summary)                  (news puts the who in the first lines)
//   share     its mentions against the most-mentioned entity's              (the subject is named again and again)
//   early     how early its first mention comes in the text, 1 = first word (background comes later)
// The score is a weighted sum in [0, 1]; `about` above ABOUT_THRESHOLD. Weights and threshold were set on the
// hand annotations in eval/salience/ (written first); `npm run eval:salience` reports the agreement.
import type { Article } from '../model.js';

export type Role = 'about' | 'mentions';

export interface SalienceMention {
  /** The surface forms the article used for the entity ("Musk", "Elon Musk"). */
  forms: readonly string[];
  /** How many times the article mentions it. */
  count: number;
}

export interface SalienceSignals {
  headline: boolean;
  lead: boolean;
  share: number;
  early: number;
}

export const SALIENCE_WEIGHTS = { headline: 0.35, lead: 0.2, share: 0.3, early: 0.15 } as const;
export const ABOUT_THRESHOLD = 0.65;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A form as a whole word sequence (not "Ford" inside "Oxford"), case-sensitive: names are capitalized. */
function formPattern(forms: readonly string[]): RegExp | undefined {
  const usable = forms.filter((form) => form.trim().length > 0);
  if (usable.length === 0) return undefined;
  const alternatives = [...usable].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

export function salienceSignals(
  article: Article,
  mention: SalienceMention,
  maxCount: number,
  body = article.blocks.map((block) => block.text).join('\n'),
): SalienceSignals {
  const pattern = formPattern(mention.forms);
  const first = pattern ? body.search(pattern) : -1;
  return {
    headline: pattern ? pattern.test(article.title) : false,
    lead: pattern ? pattern.test(article.summary) : false,
    share: maxCount > 0 ? Math.min(1, mention.count / maxCount) : 0,
    early: first < 0 || body.length === 0 ? 0 : 1 - first / body.length,
  };
}

export function salienceScore(signals: SalienceSignals): number {
  const w = SALIENCE_WEIGHTS;
  return (
    (signals.headline ? w.headline : 0) +
    (signals.lead ? w.lead : 0) +
    w.share * signals.share +
    w.early * signals.early
  );
}

/** The role of each of an article's entities, in the order given. */
export function salienceRoles(article: Article, mentions: readonly SalienceMention[]): Role[] {
  const maxCount = Math.max(0, ...mentions.map((mention) => mention.count));
  const body = article.blocks.map((block) => block.text).join('\n');
  return mentions.map((mention) =>
    salienceScore(salienceSignals(article, mention, maxCount, body)) >= ABOUT_THRESHOLD ? 'about' : 'mentions',
  );
}
