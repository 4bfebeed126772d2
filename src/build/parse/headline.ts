import { sentences } from '../text/tokens.js';

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
