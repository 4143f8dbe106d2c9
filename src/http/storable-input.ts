/**
 * What PostgreSQL refuses to store, found before it reaches a query: a NUL (text cannot hold
 * one: 22021) and half a surrogate pair (not UTF-8 at all; jsonb answers 22P05, text keeps a
 * replacement character the sender never wrote), and numbers JSON or a query string can carry
 * but no column can (1e400 is Infinity). Refused with the field named, never a 500.
 */

// A NUL, a high surrogate without its low half, or a low half without its high one.
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

const join = (path: string, key: string) => (/^\d+$/.test(key) ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/**
 * The path (`items[1].data.notes`) of the first string, property name or number under `value`
 * that cannot be stored, or undefined. `skip` leaves out subtrees checked elsewhere.
 */
export function findUnstorable(value: unknown, path = '', skip?: (path: string) => boolean): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  if (skip?.(path)) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnstorable(value[i], `${path}[${i}]`, skip);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = join(path, key);
    if (!isStorableText(key)) return childPath;
    const found = findUnstorable(child, childPath, skip);
    if (found !== undefined) return found;
  }
  return undefined;
}
