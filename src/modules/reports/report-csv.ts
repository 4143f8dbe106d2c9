import { labels, statusLabel } from './report-labels.js';
import type { UnitReport } from './unit-report.service.js';

/** Excel opens a CSV as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

type CsvValue = string | number | null | undefined;

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

/**
 * The children table (one line per unit below and indicator) as CSV for Excel: headers and
 * statuses in the caller's language, numbers with a dot as the decimal mark.
 */
export function childrenCsv(report: UnitReport): string {
  const l = labels(report.lang);
  const header = [l.unitCode, l.childUnit, l.indicatorCode, l.indicator, l.unitLabel, l.numerator, l.denominator, l.result, l.target, l.achieved, l.status];
  const lines = report.children.flatMap((child) => child.rows.map((row) => [
    child.unit.code, child.unit.name, row.code, row.name, row.unitLabel, row.numerator, row.denominator, row.value, row.target,
    row.achieved, statusLabel(report.lang, row.status),
  ]));
  return toCsv([header, ...lines], { bom: true });
}
