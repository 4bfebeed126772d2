// The build's fast paths (memos, pre-tests, one-shot hashing) must give what the plain definitions give.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shortHash } from '../../src/build/corpus/ids.js';
import { foldKey } from '../../src/build/entities/slug.js';
import { parseSeed } from '../../src/build/parse/seed.js';
import { squish } from '../../src/build/parse/text.js';
import { lexiconTags } from '../../src/build/text/tokens.js';
import { stripXmlIllegal } from '../../src/contract/escape.js';

const WHITE = [' ', '  ', '\t', '\n', '\u00A0', '\u2003', '\u200B', '\u202F', '\u3000', '\uFEFF', '\u2028'];

describe('build fast paths', () => {
  it('squish collapses every run of white space (and U+200B) to one space, as the one-pattern definition does', () => {
    const reference = (text: string) => text.replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/gu, ' ').trim();
    for (const a of WHITE)
      for (const b of WHITE) {
        const text = `${a}Zoë${a}${b}Lefèvre said${b}so${a}`;
        expect(squish(text)).toBe(reference(text));
      }
    expect(squish('one two  three\u00A0\u200Bfour')).toBe('one two three four');
  });

  it('foldKey gives the same key on the first and later calls', () => {
    const names = ['Zoë Lefèvre', 'The Hague', "Reuters'", 'Nguyễn Thị Lan', 'Zoë Lefèvre'];
    const first = names.map(foldKey);
    expect(first).toEqual(['zoe lefevre', 'hague', 'reuters', 'nguyen thi lan', 'zoe lefevre']);
    expect(names.map(foldKey)).toEqual(first);
  });

  it('shortHash is SHA-256 over each part followed by U+0000', () => {
    const parts = ['a', '', 'ünïcode', 'x'.repeat(5000)];
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part).update('\u0000');
    expect(shortHash(...parts)).toBe(hash.digest('base64url').slice(0, 16));
  });

  it('lexiconTags hands out a fresh array each call: a caller adding tags does not change the next answer', () => {
    const first = lexiconTags('Paris');
    expect(first).toContain('Place');
    first.push('Possessive');
    expect(lexiconTags('paris')).not.toContain('Possessive');
  });

  it('clean text skips the checks, text with rare characters still gets every repair and warning', () => {
    const clean = parseSeed('1_0123456789abcdef.txt', ' date 2025-01-02 Plain text with “quotes” only.');
    expect(clean.warnings).toEqual([]);
    const raw = ' date 2025-01-02 Bidi \u202Econtrol, <b>tag</b> and a bell\u0007 here.';
    const messy = parseSeed('1_0123456789abcdef.txt', raw);
    const messages = messy.warnings.map((warning) => warning.message).join('\n');
    expect(messages).toMatch(/bidirectional control/);
    expect(messages).toMatch(/markup-like text/);
    expect(messages).toMatch(/XML 1.0 cannot carry/);
    expect(messy.article?.blocks[0]?.text).toBe('Bidi control, <b>tag</b> and a bell here.');
    expect(stripXmlIllegal('emoji 😀 fine')).toEqual({ text: 'emoji 😀 fine', removed: 0 });
    expect(stripXmlIllegal('lone \uD800 surrogate').removed).toBe(1);
  });
});
