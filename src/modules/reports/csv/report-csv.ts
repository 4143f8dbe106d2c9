import { toCsv } from '../../../lib/csv-write.js';
import { labels, statusLabel } from '../report-labels.js';
import type { UnitReport } from '../unit-report.service.js';


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
