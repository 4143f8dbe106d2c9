import type { UnitTier } from '../../db/types.js';
import type { UnitAtRow } from './units.queries.js';

/** A unit as the API shows it: its fixed facts and the version in force on the asked day. */
export interface Unit {
  code: string;
  name: string;
  type: string;
  tier: UnitTier;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
}

export function presentUnit(row: UnitAtRow): Unit {
  return {
    code: row.code,
    name: row.name,
    type: row.type,
    tier: row.tier,
    parentCode: row.parent_code,
    provinceCode: row.province_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorCode: row.successor_code,
  };
}
