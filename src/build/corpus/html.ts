import { escapeHtml } from '../../contract/escape.js';
import type { Block } from '../model.js';

/** Paragraphs as `<p>`, subheadings as `<h2>`; every character of the text escaped. */
export function blocksToHtml(blocks: Block[]): string {
  return blocks
    .map((block) =>
      block.kind === 'subheading' ? `<h2>${escapeHtml(block.text)}</h2>` : `<p>${escapeHtml(block.text)}</p>`,
    )
    .join('\n');
}
