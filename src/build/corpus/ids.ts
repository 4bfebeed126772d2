import { createHash } from 'node:crypto';

// Fixed namespace for Wirefeed's name-based UUIDs: an article's feed id depends on its seed id and nothing else.
const ARTICLE_NAMESPACE = '6f1d2c3e-8b7a-4e5f-9a0b-1c2d3e4f5a6b';

/** RFC 9562 version-5 UUID, as a URN: a valid Atom id and RSS guid, identical on every host. */
export function articleGuid(id: string): string {
  return `urn:uuid:${uuidV5(ARTICLE_NAMESPACE, `article:${id}`)}`;
}

/** The Atom id of a feed: `site` or `entity:<slug>`. */
export function feedGuid(name: string): string {
  return `urn:uuid:${uuidV5(ARTICLE_NAMESPACE, `feed:${name}`)}`;
}

export function uuidV5(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Each part followed by U+0000, hashed as one string: an entity's version has thousands of parts. */
export function shortHash(...parts: string[]): string {
  return createHash('sha256')
    .update(`${parts.join('\u0000')}\u0000`)
    .digest('base64url')
    .slice(0, 16);
}
