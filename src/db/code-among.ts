import { sql } from 'kysely';

/**
 * The rows whose `column` is one of `codes`, as one array parameter; an empty list matches no
 * row, and null matches every row (the statement narrows them otherwise, by its province).
 */
export function codeAmong(column: string, codes: readonly string[] | null) {
  if (codes === null) return sql<boolean>`true`;
  return codes.length === 0 ? sql<boolean>`false` : sql<boolean>`${sql.ref(column)} = any(${[...codes]}::text[])`;
}
