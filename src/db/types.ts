import type { ColumnType, Generated } from 'kysely';
import type { LearningTables } from './learning-types.js';
import type { SsoTables } from './sso-types.js';

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
  recorded_by: Generated<string | null>;
}

export type StatisticProposalStatus = 'pending' | 'approved' | 'rejected';

export interface StatisticProposalsTable {
  id: string;
  unit_code: string;
  province_code: string;
  as_of: Day;
  /** { kind: value }, counted only once approved. */
  statistics: Json;
  status: Generated<StatisticProposalStatus>;
  proposed_by: string;
  proposed_at: Instant;
  decided_by: string | null;
  decided_at: Instant | null;
  reason: string | null;
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

export interface PasswordResetsTable {
  code_hash: string;
  user_id: string;
  created_by: string | null;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

export interface Dhis2MappingsTable {
  province_code: string;
  kind: 'indicator' | 'unit';
  code: string;
  uid: string;
  category_option_combo: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
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

export type CommitteeRole = 'chair' | 'deputy' | 'member';
export type TeamAffiliation = 'village_head' | 'youth_union' | 'womens_union' | 'teacher' | 'commune_police' | 'telecom' | 'resident' | 'other';

export interface SteeringCommitteesTable {
  unit_code: string;
  province_code: string;
  decision_number: string;
  decision_date: Day;
  updated_by: string | null;
  updated_at: Instant;
}

export interface SteeringCommitteeMembersTable {
  id: string;
  unit_code: string;
  province_code: string;
  sort_order: number;
  full_name: string;
  position: string;
  committee_role: CommitteeRole;
  user_id: string | null;
}

export interface TeamsTable {
  id: string;
  unit_code: string;
  province_code: string;
  name: string;
  decision_number: string | null;
  decision_date: Day | null;
  established_on: Day;
  created_by: string | null;
  created_at: Instant;
}

export interface TeamMembersTable {
  id: string;
  team_id: string;
  unit_code: string;
  province_code: string;
  full_name: string;
  affiliation: TeamAffiliation;
  phone: string | null;
  user_id: string | null;
  joined_on: Day;
  left_on: Day | null;
  created_at: Instant;
}

export interface TeamLeadershipsTable {
  id: Generated<number>;
  team_id: string;
  member_id: string;
  unit_code: string;
  province_code: string;
  from_day: Day;
  to_day: Day | null;
}

export interface IndicatorsTable {
  code: string;
  name_vi: string;
  name_en: string;
  explanation_vi: string;
  explanation_en: string;
  unit_label: string;
  percent: boolean;
  numerator: ColumnType<unknown, string, string>;
  denominator: ColumnType<unknown, string | null, string | null>;
  sort: number;
  active: Generated<boolean>;
  updated_at: Instant;
}

export interface IndicatorVariantsTable {
  province_code: string;
  indicator_code: string;
  name_vi: string;
  name_en: string;
  explanation_vi: string;
  explanation_en: string;
  unit_label: string;
  sort: number;
  active: boolean;
  updated_by: string | null;
  updated_at: Generated<Instant>;
}

export interface TargetsTable {
  indicator_code: string;
  unit_code: string;
  province_code: string;
  target_value: number;
  deadline: Day;
  set_by: string | null;
  set_at: Instant;
}

export interface TargetChangesTable {
  id: Generated<number>;
  indicator_code: string;
  unit_code: string;
  province_code: string;
  action: 'set' | 'remove';
  target_value: number | null;
  deadline: Day | null;
  previous_value: number | null;
  previous_deadline: Day | null;
  changed_by: string | null;
  changed_at: Instant;
}

export type ReportedStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface ReportedValuesTable {
  id: Generated<number>;
  indicator_code: string;
  unit_code: string;
  province_code: string;
  period_type: 'day' | 'week' | 'month' | 'quarter' | 'year';
  period_start: Day;
  period_end: Day;
  value: number;
  status: ReportedStatus;
  comment: string | null;
  updated_by: string | null;
  updated_at: Instant;
}

export interface ReportedValueHistoryTable {
  id: Generated<number>;
  reported_value_id: number;
  province_code: string;
  action: 'save' | 'submit' | 'approve' | 'return';
  value: number;
  status: ReportedStatus;
  comment: string | null;
  actor_user_id: string | null;
  at: Instant;
}

export type DifficultyCategory = 'weak_network' | 'no_devices' | 'no_trainers' | 'no_materials' | 'other';
export type DifficultyStatus = 'open' | 'assigned' | 'answered' | 'closed';

export interface DifficultiesTable {
  id: string;
  unit_code: string;
  province_code: string;
  category: DifficultyCategory;
  description: string;
  status: DifficultyStatus;
  reported_by: string | null;
  reported_at: Instant;
  assignee_user_id: string | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | string | null;
  closed_at: Date | string | null;
  photo: Buffer | null;
  photo_type: string | null;
}

export interface HouseholdAssignmentsTable {
  household_id: string;
  village_code: string;
  province_code: string;
  user_id: string;
  assigned_by: string | null;
  assigned_at: Generated<Date>;
}

export interface MemberSyncsTable {
  user_id: string;
  village_code: string;
  province_code: string;
  last_synced_at: Date;
}

export interface IndicatorStatusTable {
  indicator_code: string;
  unit_code: string;
  province_code: string;
  status: string;
  changed_at: Instant;
}

export interface ProgressAlertsTable {
  id: Generated<number>;
  indicator_code: string;
  unit_code: string;
  province_code: string;
  previous_status: string | null;
  status: string;
  raised_at: Instant;
  acknowledged_at: Instant | null;
  acknowledged_by: string | null;
}

/** A campaign phase (migration 20261128130000): a named span of days, for one province or all. */
export interface CampaignPhasesTable {
  code: string;
  province_code: string | null;
  name_vi: string;
  name_en: string;
  starts_on: Day;
  ends_on: Day;
  updated_at: Instant;
}

export type ResidentGroup = 'adult' | 'pupil' | 'cadre' | 'enterprise_worker' | 'elderly' | 'ethnic_minority';
export type Sex = 'male' | 'female' | 'other';
export type VisitOutcome = 'guided' | 'not_home' | 'refused' | 'follow_up';

export type HouseholdStatus = 'active' | 'gone';
export type ResidentStatus = 'active' | 'moved_away' | 'deceased' | 'merged';

export interface HouseholdsTable {
  id: string;
  village_code: string;
  province_code: string;
  label: string;
  address: string | null;
  head_name: string | null;
  note: string | null;
  created_on: Day;
  status: Generated<HouseholdStatus>;
  status_on: Day | null;
  revision: Generated<number>;
  change_seq: Generated<number>;
  last_recorded_at: Instant;
  last_device_id: string | null;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ResidentsTable {
  id: string;
  household_id: string;
  village_code: string;
  province_code: string;
  full_name: string;
  birth_year: number | null;
  sex: Sex | null;
  groups: ResidentGroup[];
  ethnicity: string | null;
  language: string | null;
  /** HMAC-SHA256 of the national ID number under the server's secret key; the number itself is never stored. */
  national_id_hash: string | null;
  national_id_last4: string | null;
  created_on: Day;
  status: Generated<ResidentStatus>;
  status_on: Day | null;
  /** The resident kept when this one was found to be the same person. */
  merged_into: string | null;
  revision: Generated<number>;
  change_seq: Generated<number>;
  last_recorded_at: Instant;
  last_device_id: string | null;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MilestoneKindsTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort: number;
  active: Generated<boolean>;
  /** Null: shared by every province (an administrator's); else the one province that owns it. */
  province_code: Generated<string | null>;
  created_by: Generated<string | null>;
}

export interface MilestonesTable {
  id: string;
  resident_id: string;
  kind: string;
  achieved_on: Day;
  source: string;
  visit_id: string | null;
  recorded_by: string | null;
  unit_code: string;
  province_code: string;
  recorded_at: Generated<Date>;
  superseded_by: string | null;
  /** The skills checked, for a "skills confirmed (guided)" fact. */
  skills: string[] | null;
}

export interface ResidentMilestonesTable {
  resident_id: string;
  kind: string;
  village_code: string;
  province_code: string;
  first_on: Day;
  facts: number;
  previous_first_on: Day | null;
}

export interface SkillsTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort: number;
}

export interface VisitsTable {
  id: string;
  household_id: string;
  village_code: string;
  province_code: string;
  visited_at: Instant;
  day: Day;
  recorded_by: string | null;
  device_id: string;
  people_present: string[];
  skills_taught: string[];
  outcome: VisitOutcome;
  notes: string | null;
  supersedes: string | null;
  recorded_at: Generated<Date>;
}

export interface HouseholdVisitsTable {
  household_id: string;
  village_code: string;
  province_code: string;
  live_visits: number;
  first_day: Day | null;
  previous_first_day: Day | null;
  guided_visits: Generated<number>;
  first_guided_day: Day | null;
  previous_first_guided_day: Day | null;
  last_visit_at: Date | null;
  last_visit_id: string | null;
  last_outcome: VisitOutcome | null;
}

export interface SyncItemsTable {
  id: string;
  province_code: string;
  device_id: string;
  user_id: string | null;
  kind: string;
  status: 'applied' | 'conflict';
  received_at: Generated<Date>;
}

export interface SyncConflictsTable {
  id: string;
  item_id: string;
  record_kind: 'household' | 'resident';
  record_id: string;
  village_code: string;
  province_code: string;
  losing_side: 'incoming' | 'stored';
  base_revision: number | null;
  stored_revision: number;
  lost_data: Json;
  lost_recorded_at: Instant;
  lost_device_id: string | null;
  lost_user_id: string | null;
  won_recorded_at: Instant;
  detected_at: Generated<Date>;
  resolution: Generated<'kept' | 'restored' | null>;
  resolved_at: Generated<Date | null>;
  resolved_by: Generated<string | null>;
}

export interface RollupCountsTable {
  source: string;
  unit_code: string;
  day: Day;
  province_code: string;
  value: number;
}

export interface RollupAreaMembersTable {
  unit_code: string;
  area_code: string;
  province_code: string;
  valid_from: Day;
}

export interface RollupAreaCountsTable {
  area_code: string;
  source: string;
  day: Day;
  province_code: string;
  value: number;
}

export interface RollupAreaTotalsTable {
  area_code: string;
  source: string;
  province_code: string;
  value: number;
}

export interface ReferenceStampsTable {
  name: string;
  version: number;
}

export interface QuestionBanksTable {
  id: string;
  province_code: string;
  name: string;
  question_count: number;
  created_by: string | null;
  created_at: Instant;
}

export interface BankQuestionsTable {
  id: string;
  bank_id: string;
  sort: number;
  topic: Generated<string>;
  text: string;
  options: Json;
  correct_option_id: string;
}

export interface ContestsTable {
  id: string;
  province_code: string;
  title: string;
  bank_id: string;
  rules: Json;
  organiser_phone_hashes: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: Instant;
}

export interface ContestPhasesTable {
  contest_id: string;
  province_code: string;
  number: number;
  starts_on: Day;
  ends_on: Day;
  participant_count: number | null;
  published_at: Date | null;
  /** 1st/2nd/3rd prize counts of the phase; null: the contest's rule. */
  prizes: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface ContestParticipantsTable {
  id: string;
  province_code: string;
  phone_hash: string;
  full_name: string;
  unit_code: string;
  token_hash: string;
  created_at: Instant;
}

export interface ContestAttemptsTable {
  id: string;
  contest_id: string;
  phase_number: number;
  participant_id: string;
  province_code: string;
  unit_code: string;
  day: Day;
  seq: number;
  questions: Json;
  started_at: Instant;
  deadline: Instant;
  submitted_at: Date | null;
  answers: Json | null;
  answer_times: Json | null;
  prediction: number | null;
  correct: number | null;
  score: number | null;
  duration_ms: number | null;
  client_address: string;
  submit_address: string | null;
}

export interface ContestEntriesTable {
  contest_id: string;
  participant_id: string;
  phase_number: number;
  unit_code: string;
  province_code: string;
  day: Day;
}

export interface ContestPrizesTable {
  contest_id: string;
  phase_number: number;
  participant_id: string;
  province_code: string;
  rank: number;
  prize: number;
}

export interface SigningKeysTable {
  kid: string;
  purpose: string;
  algorithm: string;
  public_jwk: Json;
  private_jwk: Json;
  created_at: Generated<Date>;
  retired_at: Date | null;
}

export interface CertificatesTable {
  id: string;
  code: string;
  milestone_id: string | null;
  resident_id: string | null;
  user_id: string | null;
  holder_name: string;
  skills: string[];
  achieved_on: Day;
  source: string;
  unit_code: string;
  province_code: string;
  issued_at: Generated<Date>;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoked_reason: string | null;
}

export interface XapiSystemsTable {
  id: string;
  name: string;
  key: string;
  secret_hash: string;
  unit_code: string;
  created_by: string | null;
  created_at: Generated<Date>;
  disabled_at: Date | null;
}

export interface XapiStatementsTable {
  id: string;
  seq: Generated<number>;
  system_id: string;
  stored: Date;
  statement: Json;
  content_digest: string;
  actor_ifi: string;
  verb_id: string;
  activity_id: string | null;
  registration: string | null;
  voids: string | null;
  voided: Generated<boolean>;
}

export interface LearningImportFactsTable {
  fingerprint: string;
  imported_at: Generated<Date>;
}

export interface DB extends LearningTables, SsoTables {
  indicators: IndicatorsTable;
  indicator_variants: IndicatorVariantsTable;
  targets: TargetsTable;
  target_changes: TargetChangesTable;
  reported_values: ReportedValuesTable;
  reported_value_history: ReportedValueHistoryTable;
  difficulties: DifficultiesTable;
  household_assignments: HouseholdAssignmentsTable;
  member_syncs: MemberSyncsTable;
  indicator_status: IndicatorStatusTable;
  progress_alerts: ProgressAlertsTable;
  campaign_phases: CampaignPhasesTable;
  units: UnitsTable;
  unit_versions: UnitVersionsTable;
  unit_operations: UnitOperationsTable;
  statistic_kinds: StatisticKindsTable;
  unit_statistics: UnitStatisticsTable;
  statistic_proposals: StatisticProposalsTable;
  users: UsersTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  audit_events: AuditEventsTable;
  dhis2_mappings: Dhis2MappingsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  milestone_kinds: MilestoneKindsTable;
  milestones: MilestonesTable;
  resident_milestones: ResidentMilestonesTable;
  skills: SkillsTable;
  visits: VisitsTable;
  household_visits: HouseholdVisitsTable;
  sync_items: SyncItemsTable;
  sync_conflicts: SyncConflictsTable;
  rollup_counts: RollupCountsTable;
  rollup_area_members: RollupAreaMembersTable;
  rollup_area_counts: RollupAreaCountsTable;
  rollup_area_totals: RollupAreaTotalsTable;
  reference_stamps: ReferenceStampsTable;
  steering_committees: SteeringCommitteesTable;
  steering_committee_members: SteeringCommitteeMembersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  team_leaderships: TeamLeadershipsTable;
  question_banks: QuestionBanksTable;
  bank_questions: BankQuestionsTable;
  contests: ContestsTable;
  contest_phases: ContestPhasesTable;
  contest_participants: ContestParticipantsTable;
  contest_attempts: ContestAttemptsTable;
  contest_entries: ContestEntriesTable;
  contest_prizes: ContestPrizesTable;
  signing_keys: SigningKeysTable;
  certificates: CertificatesTable;
  xapi_systems: XapiSystemsTable;
  xapi_statements: XapiStatementsTable;
  learning_import_facts: LearningImportFactsTable;
}
