import type { HouseholdRow, MissingResidentRow, ResidentWithMilestonesRow } from './people.queries.js';

/** A household as the field app keeps it. */
export interface HouseholdRecord {
  id: string;
  villageCode: string;
  label: string;
  address: string | null;
  headName: string | null;
  note: string | null;
  status: 'active' | 'gone';
  revision: number;
  updatedAt: string;
  /** The account that made the last change (its display name is filled in by the pull). */
  updatedById: string | null;
  updatedBy?: string | null;
}

/** A resident as the field app keeps it: the national ID number only as its last 4 digits. */
export interface ResidentRecord {
  id: string;
  householdId: string;
  fullName: string;
  birthYear: number | null;
  sex: 'male' | 'female' | 'other' | null;
  groups: string[];
  ethnicity: string | null;
  language: string | null;
  nationalIdLast4: string | null;
  milestones: string[];
  status: 'active' | 'moved_away' | 'deceased' | 'merged';
  /** The record kept, when this one was found to be the same person. */
  mergedInto: string | null;
  revision: number;
  updatedAt: string;
  updatedById: string | null;
  updatedBy?: string | null;
}

export interface MissingResident {
  id: string;
  householdId: string;
  householdLabel: string;
  fullName: string;
  birthYear: number | null;
  sex: 'male' | 'female' | 'other' | null;
  groups: string[];
}

export function presentHousehold(row: HouseholdRow): HouseholdRecord {
  return {
    id: row.id,
    villageCode: row.village_code,
    label: row.label,
    address: row.address,
    headName: row.head_name,
    note: row.note,
    status: row.status,
    revision: row.revision,
    updatedAt: row.updated_at.toISOString(),
    updatedById: row.updated_by,
  };
}

export function presentResident(row: ResidentWithMilestonesRow): ResidentRecord {
  return {
    id: row.id,
    householdId: row.household_id,
    fullName: row.full_name,
    birthYear: row.birth_year,
    sex: row.sex,
    groups: row.groups,
    ethnicity: row.ethnicity,
    language: row.language,
    nationalIdLast4: row.national_id_last4,
    milestones: row.milestones,
    status: row.status,
    mergedInto: row.merged_into,
    revision: row.revision,
    updatedAt: row.updated_at.toISOString(),
    updatedById: row.updated_by,
  };
}

export function presentMissingResident(row: MissingResidentRow): MissingResident {
  return {
    id: row.id,
    householdId: row.household_id,
    householdLabel: row.household_label,
    fullName: row.full_name,
    birthYear: row.birth_year,
    sex: row.sex,
    groups: row.groups,
  };
}
