// Escaping and clean-up shared by build time (content HTML) and request time (feeds, pages, OPML).
// Pure string functions with no platform dependency, so both sides may import them.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML and XML text or attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

// XML 1.0 forbids C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and lone surrogates;
// U+FDD0–U+FDEF are noncharacters that no real text carries (the feed stage uses one internally).
const XML_ILLEGAL = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
  'g',
);

// Any character XML_ILLEGAL could match (every surrogate, paired or not): most text has none, and this simple
// class is tested far faster than the lookarounds.
const MAYBE_XML_ILLEGAL = new RegExp(
  ['[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F', '\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]'].join(''),
);

/** Index of the first character XML 1.0 cannot carry, or -1. */
export function firstXmlIllegal(text: string): number {
  XML_ILLEGAL.lastIndex = 0;
  const index = XML_ILLEGAL.exec(text)?.index ?? -1;
  XML_ILLEGAL.lastIndex = 0;
  return index;
}

/** Removes every character that XML 1.0 cannot carry. Returns the text and how many were removed. */
export function stripXmlIllegal(text: string): { text: string; removed: number } {
  if (!MAYBE_XML_ILLEGAL.test(text)) return { text, removed: 0 };
  let removed = 0;
  const cleaned = text.replace(XML_ILLEGAL, () => {
    removed++;
    return '';
  });
  return { text: cleaned, removed };
}
