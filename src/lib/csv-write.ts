/** Writing CSV for Excel: the one encoder every CSV download of the server uses. */

/** Excel opens a CSV as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

/** One CSV field: quoted when it holds a comma, a quote or a line break; null is empty. */
function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value;
  // A leading = + - @ makes Excel run the cell as a formula; a quote in front keeps it text.
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document (CRLF line ends, as RFC 4180 and Excel expect). */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  return (options.bom ? UTF8_BOM : '') + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
