// RFC 9562 version-5 UUIDs in the Worker (WebCrypto), the same as the build's (src/build/corpus/ids.ts), for feeds
// that exist only at request time: a combined feed's Atom id depends on its canonical combination alone.

/** The build's namespace for feed and article ids (src/build/corpus/ids.ts). */
const NAMESPACE = '6f1d2c3e-8b7a-4e5f-9a0b-1c2d3e4f5a6b';

export async function uuidV5(name: string, namespace = NAMESPACE): Promise<string> {
  const space = namespace.replace(/-/g, '');
  const nameBytes = new TextEncoder().encode(name);
  const bytes = new Uint8Array(16 + nameBytes.length);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(space.slice(i * 2, i * 2 + 2), 16);
  bytes.set(nameBytes, 16);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes));
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = [...hash.subarray(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The Atom id of a feed named like the build's (`feed:<name>`). */
export async function feedUrn(name: string): Promise<string> {
  return `urn:uuid:${await uuidV5(`feed:${name}`)}`;
}
