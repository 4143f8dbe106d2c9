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

/**
 * Parsed bodies whose text showed that nothing in them can be unstorable (`json-in-pieces.ts`):
 * their walk is skipped. Kept weakly: a body is forgotten with its request.
 */
const knownStorable = new WeakSet<object>();

export function markStorable(value: object): void {
  knownStorable.add(value);
}

/** True for a body marked storable from its text; false for anything else, which is then walked. */
export function isKnownStorable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && knownStorable.has(value);
}

/** A way into a parsed value: an array's index or an object's key. */
export type ValueKey = string | number;

/** One list for every walk: a walk runs to its end before the next starts. */
const walkKeys: ValueKey[] = [];

/**
 * The path (`items[1].data.notes`) of the first string, property name or number under `value`
 * that cannot be stored, or undefined. `skip` is asked at each object and array with the keys
 * that lead to it, and leaves out the subtrees checked elsewhere. The path is built only for
 * what is found: a sync batch is walked twice per request, and building every node's path cost
 * more allocation than the rest of the walk.
 */
export function findUnstorable(value: unknown, skip?: (keys: readonly ValueKey[]) => boolean): string | undefined {
  // A sync batch walks each of its thousand items on its own: one list for them all.
  walkKeys.length = 0;
  return holdsUnstorable(value, walkKeys, skip) ? pathOf(walkKeys) : undefined;
}


/** True when something under `value` cannot be stored; `keys` then leads to it. */
function holdsUnstorable(value: unknown, keys: ValueKey[], skip: ((keys: readonly ValueKey[]) => boolean) | undefined): boolean {
  if (typeof value === 'string') return !isStorableText(value);
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (skip?.(keys)) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      keys.push(i);
      if (holdsUnstorable(value[i], keys, skip)) return true;
      keys.pop();
    }
    return false;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    keys.push(key);
    if (!isStorableText(key) || holdsUnstorable(object[key], keys, skip)) return true;
    keys.pop();
  }
  return false;
}

/** `items[1].data.notes`: indexes and numeric keys in brackets, other keys after a dot. */
function pathOf(keys: readonly ValueKey[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number' || /^\d+$/.test(key)) path = `${path}[${key}]`;
    else path = path ? `${path}.${key}` : key;
  }
  return path;
}
