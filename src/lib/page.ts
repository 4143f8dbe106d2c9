/** One page of a cursor-paged list: the items and the cursor of the next page, if any. */
export interface Page<T, C = string> {
  items: T[];
  next: C | null;
}

/**
 * Turns rows fetched with `limit + 1` into a page: the extra row only tells that a next page
 * exists, so no count query is needed.
 */
export function toPage<R, T, C>(rows: readonly R[], limit: number, present: (row: R) => T, cursorOf: (item: T) => C): Page<T, C> {
  const items = rows.slice(0, limit).map(present);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
