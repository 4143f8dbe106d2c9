import { randomUUID } from 'node:crypto';

/**
 * A UUIDv7 (48-bit millisecond time, then random bits) for ids made in bulk on the server. The
 * `uuid` package draws fresh random bytes for every id, which cost milliseconds per sync batch;
 * Node's randomUUID draws from a cached pool. Ids made in the same millisecond are not ordered
 * among themselves, which nothing here needs.
 */
export function fastUuidV7(now = Date.now()): string {
  const random = randomUUID();
  return `${timePrefix(now)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}

// Ids come thousands to a millisecond in bulk: the time part is formatted once per millisecond.
let lastTime = -1;
let lastPrefix = '';

function timePrefix(now: number): string {
  if (now !== lastTime) {
    const time = now.toString(16).padStart(12, '0');
    lastTime = now;
    lastPrefix = `${time.slice(0, 8)}-${time.slice(8, 12)}`;
  }
  return lastPrefix;
}
