// Sentence splitting, apart from the tokenizer: parsing a seed (its derived headline) needs it, and importing it
// must not load compromise, which a build whose extractions are all cached never needs (~0.3 s).

// Abbreviations after which a full stop does not end a sentence.
export const ABBREVIATIONS = new Set([
  ...'mr mrs ms dr st gen gov sen rep jr sr inc corp ltd co no vs prof lt col capt sgt mt ave messrs rev fr'.split(' '),
  ...'jan feb mar apr aug sept sep oct nov dec hon est approx dept univ'.split(' '),
  // Round 12: ranks and Philippine name abbreviations ("Supt. Ramon Ilagan", "Sta. Rosa", "Ma. Corazon").
  ...'pres adm supt insp cmdr maj det brig sta sto'.split(' '),
]);
// "Ma." shortens María in Philippine names, "Md." Mohammad in Bangladeshi ones; a lower-case "ma." may end a
// sentence.
const CASED_ABBREVIATIONS = new Set(['Ma', 'Md']);
// "in a post on X. Wilders said": the network X, not an initial, ends the sentence.
const PLATFORM_X_END = /\b(?:on|to|from|via)\s+X$/u;

/**
 * Splits a paragraph into sentences at . ! ? followed by a capital, digit or quote, except after abbreviations and
 * initials.
 */
export function sentences(text: string): string[] {
  const result: string[] = [];
  const boundary = /([.!?…]+["”’')\]]*)\s+(?=["“‘'([]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[1]!.length;
    const before = text.slice(start, match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
    const isAbbreviation =
      match[1] === '.' &&
      (ABBREVIATIONS.has(lastWord.toLowerCase()) ||
        CASED_ABBREVIATIONS.has(lastWord) ||
        (/^\p{Lu}$/u.test(lastWord) && !PLATFORM_X_END.test(before)) ||
        /^(?:\p{L}\.)+\p{L}$/u.test(lastWord));
    if (isAbbreviation) continue;
    result.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) result.push(rest);
  return result;
}
