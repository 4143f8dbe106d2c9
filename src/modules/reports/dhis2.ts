import type { Dhis2Period } from './report-days.js';
import { toCsv } from '../../lib/csv-write.js';
import type { UnitReport } from './unit-report.service.js';

/**
 * DHIS2 data value sets (the payload of DHIS2's /api/dataValueSets) for one period: a data value
 * per indicator (dataElement = indicator code) and unit (orgUnit = official unit code), for the
 * unit and each unit below it. Codes, not DHIS2 UIDs: the receiving side imports with
 * dataElementIdScheme=CODE and orgUnitIdScheme=CODE. See docs/api/dhis2.md.
 */
export interface DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  /** DHIS2 carries every value as a string. */
  value: string;
}

export interface DataValueSet {
  dataValues: DataValue[];
}

/** The figures of the report as data values; a figure with no data is left out (DHIS2 has no "null"). */
export function dataValuesOf(report: UnitReport, period: Dhis2Period): DataValue[] {
  const units = [{ unit: report.unit, rows: report.rows }, ...report.children];
  return units.flatMap(({ unit, rows }) => rows
    .filter((row) => row.value !== null)
    .map((row) => ({ dataElement: row.code, period: period.id, orgUnit: unit.code, value: String(row.value) })));
}

/** The columns of DHIS2's CSV data value format, in its order; DHIS2 skips the header line. */
export const DHIS2_CSV_COLUMNS = ['dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo', 'value', 'storedby', 'lastupdated', 'comment', 'followup'] as const;

/** The same values as DHIS2's CSV: default category and attribute option combos (empty), no BOM. */
export function dataValueSetCsv(values: readonly DataValue[], storedBy: string, lastUpdated: string): string {
  return toCsv([
    DHIS2_CSV_COLUMNS,
    ...values.map((v) => [v.dataElement, v.period, v.orgUnit, '', '', v.value, storedBy, lastUpdated, '', 'false']),
  ]);
}
