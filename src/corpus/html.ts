import type { Block } from '../model.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** Paragraphs as `<p>`, subheadings as `<h2>`; every character of the text escaped. */
export function blocksToHtml(blocks: Block[]): string {
  return blocks.map((block) => (block.kind === 'subheading' ? `<h2>${escapeHtml(block.text)}</h2>` : `<p>${escapeHtml(block.text)}</p>`)).join('\n');
}
