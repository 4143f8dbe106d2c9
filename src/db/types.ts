import type { ColumnType, Generated } from 'kysely';

/**
 * Table types, written beside the migrations that create them. Calendar days are
 * 'YYYY-MM-DD' strings (see type-parsers.ts); instants are Dates.
 */
type Day = string;
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export type UnitTier = 'province' | 'commune' | 'village';
export type Role = 'admin' | 'province_officer' | 'commune_officer' | 'team_leader' | 'team_member' | 'learner';

export interface UnitsTable {
  code: string;
  province_code: string;
  tier: UnitTier;
  valid_from: Day;
  valid_to: Day | null;
  successor_code: string | null;
  created_at: Instant;
}

export interface UnitVersionsTable {
  code: string;
  valid_from: Day;
  valid_to: Day | null;
  name: string;
  type: string;
  parent_code: string | null;
}

export interface UnitOperationsTable {
  id: Generated<number>;
  kind: 'create' | 'rename' | 'move' | 'merge' | 'split' | 'import';
  effective_date: Day;
  unit_codes: string[];
  detail: Json;
  actor_user_id: string | null;
  recorded_at: Instant;
}

export interface StatisticKindsTable {
  code: string;
  name_vi: string;
  name_en: string;
}

export interface UnitStatisticsTable {
  unit_code: string;
  kind: string;
  as_of: Day;
  value: number;
  province_code: string;
  recorded_at: Instant;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  scope_unit_code: string | null;
  disabled: Generated<boolean>;
  created_at: Instant;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Instant;
  expires_at: Instant;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Instant;
  actor_user_id: string | null;
  action: string;
  unit_code: string | null;
  subject: string | null;
  detail: Json;
}

export interface DB {
  units: UnitsTable;
  unit_versions: UnitVersionsTable;
  unit_operations: UnitOperationsTable;
  statistic_kinds: StatisticKindsTable;
  unit_statistics: UnitStatisticsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
}
