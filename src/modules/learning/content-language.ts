/**
 * Content comes per language (Vietnamese, English, and any language an author adds, such as Ê Đê):
 * the reader's language when the author wrote it, else Vietnamese, else whatever exists.
 */
export const FALLBACK_LANGUAGE = 'vi';

export function pickLanguage<T extends { lang: string }>(rows: readonly T[], lang: string): T | undefined {
  return rows.find((row) => row.lang === lang) ?? rows.find((row) => row.lang === FALLBACK_LANGUAGE) ?? rows[0];
}

export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
