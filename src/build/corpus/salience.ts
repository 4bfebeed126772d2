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

/**
 * A form as a whole word sequence (not "Ford" inside "Oxford"), case-sensitive: names are capitalized. The
 * definition; `FormFinder` gives the same answers without compiling a pattern per (article, entity).
 */
export function formPattern(forms: readonly string[]): RegExp | undefined {
  const usable = forms.filter((form) => form.trim().length > 0);
  if (usable.length === 0) return undefined;
  const alternatives = [...usable].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

const WORD = /[\p{L}\p{N}]/u;
const ASCII_WORD = Array.from({ length: 128 }, (_, code) => WORD.test(String.fromCharCode(code)));
const SURROGATE = /[\uD800-\uDFFF]/;

function isWordCodePoint(codePoint: number): boolean {
  return codePoint < 128 ? ASCII_WORD[codePoint]! : WORD.test(String.fromCodePoint(codePoint));
}

/** The code point that ends just before `index`, as the pattern's look-behind reads it; -1 at the start. */
function codePointBefore(text: string, index: number): number {
  if (index === 0) return -1;
  const unit = text.charCodeAt(index - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && index >= 2) {
    const lead = text.charCodeAt(index - 2);
    if (lead >= 0xd800 && lead <= 0xdbff) return (lead - 0xd800) * 0x400 + (unit - 0xdc00) + 0x10000;
  }
  return unit;
}

/**
 * `formPattern(forms)` as plain string searches: the first offset where a form starts with no letter or digit on
 * either side. A match's offset does not depend on which alternative matched, so it is the smallest over the
 * forms. Forms with surrogates (astral characters) use the pattern itself, which reads text by code point.
 */
class FormFinder {
  private readonly forms: string[];
  private readonly pattern?: RegExp;

  constructor(forms: readonly string[]) {
    this.forms = forms.filter((form) => form.trim().length > 0);
    if (this.forms.some((form) => SURROGATE.test(form))) this.pattern = formPattern(this.forms);
  }

  /** Offset of the first whole-word occurrence of a form in `text`, or -1. */
  search(text: string): number {
    if (this.pattern) return text.search(this.pattern);
    let best = -1;
    for (const form of this.forms) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(form, from);
        if (at < 0 || (best >= 0 && at >= best)) break;
        const end = at + form.length;
        const before = codePointBefore(text, at);
        if (
          (before < 0 || !isWordCodePoint(before)) &&
          (end >= text.length || !isWordCodePoint(text.codePointAt(end)!))
        ) {
          best = at;
          break;
        }
        from = at + 1;
      }
    }
    return best;
  }
}

export function salienceSignals(
  article: Article,
  mention: SalienceMention,
  maxCount: number,
  body = article.blocks.map((block) => block.text).join('\n'),
): SalienceSignals {
  const finder = new FormFinder(mention.forms);
  const first = finder.search(body);
  return {
    headline: finder.search(article.title) >= 0,
    lead: finder.search(article.summary) >= 0,
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
