import { sentences } from '../text/sentences.js';

export const HEADLINE_MAX = 110;

const CLAUSE_BREAK = /(?:[,;:]\s|\s[—–-]\s|\s\()/g;

/**
 * The seed format has no title line: derive a readable headline from the lead.
 * The first sentence when it fits; otherwise cut at the last clause boundary, else a word boundary.
 */
export function deriveHeadline(lead: string, max = HEADLINE_MAX): string {
  const first = firstSentence(lead).replace(/[.\s]+$/u, '');
  if ([...first].length <= max) return first;

  let cut = -1;
  for (const match of first.matchAll(CLAUSE_BREAK)) {
    const at = match.index;
    if (at >= max * 0.45 && at <= max) cut = at;
  }
  if (cut > 0) return trimTail(first.slice(0, cut));

  // Word boundary, leaving room for the ellipsis.
  const room = first.slice(0, max);
  const space = room.lastIndexOf(' ');
  const words = space > max * 0.3 ? room.slice(0, space) : room.slice(0, max - 1);
  return `${trimTail(words)}…`;
}

function trimTail(text: string): string {
  return text.replace(/[\s,;:—–(-]+$/u, '');
}

function firstSentence(text: string): string {
  return (sentences(text)[0] ?? text).trim();
}

export const SUMMARY_MAX = 1000;

/**
 * The summary is the lead paragraph, up to 1,000 characters: a lead that runs on (one line of a whole article) is
 * cut at the last sentence end that fits, else between words with `…`, so no feed item carries its text twice.
 */
export function deriveSummary(lead: string, max = SUMMARY_MAX): string {
  if (lead.length <= max) return lead;
  const room = lead.slice(0, max);
  const sentenceEnd = Math.max(room.lastIndexOf('. '), room.lastIndexOf('! '), room.lastIndexOf('? '));
  if (sentenceEnd > max * 0.5) return room.slice(0, sentenceEnd + 1);
  const space = room.lastIndexOf(' ');
  return `${trimTail(space > 0 ? room.slice(0, space) : room.slice(0, max - 1))}…`;
}
