/**
 * The key a CSV text is stored under, apart from the works that use it (persist.ts): a hash of
 * the whole text (cyrb53's two 32-bit halves) and its length. The table worker works it out while
 * it reads the file, so the page does not go through 5 MB for it (tableClient.ts).
 */
let lastKey: { text: string; key: string } | null = null;

export function csvTextKey(text: string): string {
  if (lastKey?.text === text) return lastKey.key;
  const key = hashKey(text);
  lastKey = { text, key };
  return key;
}

/** This text's key, worked out elsewhere (the table worker, or the storage it came from). */
export function knowTextKey(text: string, key: string): void {
  lastKey = { text, key };
}

export function hashKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return `csv-${hex(h2)}${hex(h1)}-${text.length}`;
}
