// Titles and summaries are plain text in every format, and some readers render them as HTML anyway (RSS has no
// way to say which). So markup-like text in them is made inert with look-alike characters, and the article's own
// page and content HTML keep the text exactly as written, escaped.

const TAG = /<(?=[A-Za-z/!?])([^<>]*)(>?)/g;
// What the W3C validator and HTML-rendering readers take for a character reference: `&#38;`, `&amp;`, `&lt;`.
const REFERENCE = /&(?=#[0-9xX]|[A-Za-z][A-Za-z0-9]*;|(?:amp|lt|gt|quot|apos|nbsp)(?![A-Za-z]))/g;

/** `<script>` → `‹script›`, `&amp;` → `＆amp;`; everything else, "1 < 2" and "AT&T" included, as it is. */
export function plainText(text: string): string {
  return text
    .replace(TAG, (_, inside: string, close: string) => `‹${inside}${close ? '›' : ''}`)
    .replace(REFERENCE, '＆');
}
