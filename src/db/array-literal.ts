/**
 * PostgreSQL array literals, for a batch's columns sent as typed arrays (`unnest($1::uuid[], …)`).
 * One text parameter per column costs the driver one string, where a JSON record per row cost
 * every row's keys and a JSON parse in the database; built here with one `join`, where the
 * driver's own array encoding walks every element through its type checks.
 */

const NEEDS_ESCAPE = /["\\]/;

/** One element, always quoted (so `NULL`, empty strings, commas and braces stay text); null as NULL. */
function element(value: string | null): string {
  if (value === null) return 'NULL';
  return NEEDS_ESCAPE.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : `"${value}"`;
}

/**
 * A column of text values as one array literal. A column of nulls only goes as `{}`: `unnest`
 * with several arrays pads the shorter ones with nulls, so an empty column costs nothing.
 */
export function arrayLiteral(values: readonly (string | null)[]): string {
  let allNull = true;
  let plain = true;
  for (const value of values) {
    if (value === null) plain = false;
    else {
      allNull = false;
      if (plain && NEEDS_ESCAPE.test(value)) plain = false;
    }
  }
  if (allNull) return '{}';
  // The common column (ids, codes, days, no nulls and nothing to escape) in one join: quoting
  // each element first made a string per element for the collector to sweep.
  if (plain) return `{"${values.join('","')}"}`;
  return `{${values.map(element).join(',')}}`;
}

/** Letters, digits, `_` and `-`: an element that reads the same without quotes (ids, codes). */
const BARE = /^[\w-]+$/;

/**
 * One row's list (a uuid[] or text[]) as a literal. Ids and codes go bare, `{a,b}`: quoted, they
 * made the column's literal escape every quote, a new string per row for the collector to sweep.
 * A bare `null` would read as NULL, so it keeps its quotes.
 */
export function listLiteral(list: readonly string[]): string {
  for (const value of list) {
    if (!BARE.test(value) || (value.length === 4 && value.toLowerCase() === 'null')) return arrayLiteral(list);
  }
  return `{${list.join(',')}}`;
}

/** A column of lists (each row's uuid[] or text[]) as text[] of their literals, cast per row in SQL. */
export function nestedArrayLiteral(lists: readonly (readonly string[] | null)[]): string {
  return arrayLiteral(lists.map((list) => (list === null || list.length === 0 ? null : listLiteral(list))));
}

/**
 * A column that every row shares (a batch's village, province, outcome) goes once, as `constant`,
 * with an empty `column`; read in SQL as `coalesce(column's value, constant)`. Otherwise the column
 * goes whole and `constant` is null.
 */
export function columnOrConstant(values: readonly (string | null)[]): { column: string; constant: string | null } {
  const first = values[0];
  if (first === undefined || first === null || values.some((value) => value !== first)) return { column: arrayLiteral(values), constant: null };
  return { column: '{}', constant: first };
}

/**
 * A column of JSON texts (each row's document) as one JSON array, read in SQL as
 * `jsonb_array_elements($n::jsonb) with ordinality` and joined to the other columns by position.
 * As elements of a jsonb[] literal every quote in them is escaped: a new string per document,
 * the largest allocation of a contest start or submission.
 */
export function jsonColumn(documents: readonly string[]): string {
  return `[${documents.join(',')}]`;
}
