import type { Dhis2Period } from '../report-days.js';
import { AppError } from '../../../errors.js';
import { toCsv } from '../../../lib/csv-write.js';
import type { Dhis2Identifiers } from './dhis2-mapping.service.js';
import type { UnitReport } from '../unit-report.service.js';

/**
 * DHIS2 data value sets (the payload of DHIS2's /api/dataValueSets) for one period: a data value
 * per indicator and unit, for the unit and each unit below it. With the province's mapping, the
 * identifiers are DHIS2's UIDs (data element, category option combo, organisation unit); without
 * it, Doorstep's codes, which DHIS2 imports with idScheme=CODE. See docs/api/dhis2.md.
 */
export interface DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  /** Left out for DHIS2's default combo. */
  categoryOptionCombo?: string;
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

/**
 * The same values under DHIS2's identifiers. Every indicator and unit exported must be mapped:
 * a half-mapped file would be imported half, so a gap refuses the export and names what lacks.
 */
export function identifiedDataValues(values: readonly DataValue[], ids: Dhis2Identifiers): DataValue[] {
  const missing = new Set<string>();
  const identified = values.map((value) => {
    const element = ids.dataElements.get(value.dataElement);
    const orgUnit = ids.orgUnits.get(value.orgUnit);
    if (!element) missing.add(`indicator ${value.dataElement}`);
    if (!orgUnit) missing.add(`unit ${value.orgUnit}`);
    return {
      dataElement: element?.uid ?? '', period: value.period, orgUnit: orgUnit ?? '',
      ...(element?.categoryOptionCombo ? { categoryOptionCombo: element.categoryOptionCombo } : {}), value: value.value,
    };
  });
  if (missing.size > 0) {
    const list = [...missing];
    throw new AppError('DHIS2_MAPPING_MISSING', `No DHIS2 identifier for ${list.slice(0, 10).join(', ')}${list.length > 10 ? ` and ${list.length - 10} more` : ''}`, 'idScheme');
  }
  return identified;
}

/** The columns of DHIS2's CSV data value format, in its order; DHIS2 skips the header line. */
export const DHIS2_CSV_COLUMNS = ['dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo', 'value', 'storedby', 'lastupdated', 'comment', 'followup'] as const;

/** The same values as DHIS2's CSV: empty option combos mean DHIS2's defaults; no BOM. */
export function dataValueSetCsv(values: readonly DataValue[], storedBy: string, lastUpdated: string): string {
  return toCsv([
    DHIS2_CSV_COLUMNS,
    ...values.map((v) => [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo ?? '', '', v.value, storedBy, lastUpdated, '', 'false']),
  ]);
}
