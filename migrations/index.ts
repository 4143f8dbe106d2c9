import type { Migration } from 'kysely';
import * as createUnits from './20261128090000_create_units.js';
import * as createAccounts from './20261128090100_create_accounts.js';
import * as createPeople from './20261128100000_create_people.js';
import * as createSkills from './20261128100100_create_skills.js';
import * as createOutreach from './20261128100200_create_outreach.js';
import * as createRollups from './20261128100300_create_rollups.js';
import * as createTeams from './20261128110000_create_teams.js';
import * as createTargets from './20261128120000_create_targets.js';
import * as createCampaignPhases from './20261128130000_create_campaign_phases.js';
import * as trackFigureChanges from './20261128170000_track_figure_changes.js';
import * as addAreaRollups from './20261128175000_add_area_rollups.js';
import * as addReferenceStamps from './20261128175100_add_reference_stamps.js';
import * as lightenPeopleWrites from './20261128190000_lighten_people_writes.js';
import * as addStatisticsActor from './20261201110000_add_statistics_actor.js';
import * as createIndicatorVariants from './20261201110100_create_indicator_variants.js';
import * as createContest from './20261201140000_create_contest.js';
import * as createPasswordResets from './20261201150000_create_password_resets.js';
import * as addAlertAcknowledgements from './20261201150100_add_alert_acknowledgements.js';
import * as trackHouseholdCoverage from './20261201160000_track_household_coverage.js';
import * as markRecordStatus from './20261201160100_mark_record_status.js';
import * as addConfirmedSkills from './20261201160200_add_confirmed_skills.js';
import * as addPhasePrizes from './20261202100000_add_phase_prizes.js';
import * as createHouseholdAssignments from './20261202110000_create_household_assignments.js';
import * as createLearning from './20261202120000_create_learning.js';
import * as createCertificates from './20261202130000_create_certificates.js';
import * as createXapi from './20261202130100_create_xapi.js';
import * as createEvents from './20261202140000_create_events.js';
import * as countWeekFromEvents from './20261202140100_count_week_from_events.js';
import * as createTargetChanges from './20261202150000_create_target_changes.js';
import * as addConflictResolution from './20261202160000_add_conflict_resolution.js';
import * as createDhis2Mappings from './20261202160100_create_dhis2_mappings.js';
import * as addSkillCheckLanguages from './20261203140000_add_skill_check_languages.js';
import * as countLearningFromRecords from './20261203140100_count_learning_from_records.js';
import * as indexEventCheckInsByUnit from './20261203150000_index_event_check_ins_by_unit.js';
import * as createStatisticProposals from './20261203160000_create_statistic_proposals.js';
import * as addMilestoneKindProvince from './20261203160100_add_milestone_kind_province.js';
import * as createSsoIdentities from './20261203170000_create_sso_identities.js';
import * as keyFactsByProvince from './20261204090000_key_facts_by_province.js';
import * as keyCourseAndContestChildren from './20261204090100_key_course_and_contest_children.js';
import * as keyTargetsAndSyncItems from './20261204090200_key_targets_and_sync_items.js';
import * as indexTeamLeadershipsByTeam from './20261205090000_index_team_leaderships_by_team.js';
import * as addDataChanges from './20261206090000_add_data_changes.js';

/** Every migration in order of its name. Landed migrations are frozen: add, never edit. */
export const migrations: Record<string, Migration> = {
  '20261128090000_create_units': createUnits,
  '20261128090100_create_accounts': createAccounts,
  '20261128100000_create_people': createPeople,
  '20261128100100_create_skills': createSkills,
  '20261128100200_create_outreach': createOutreach,
  '20261128100300_create_rollups': createRollups,
  '20261128110000_create_teams': createTeams,
  '20261128120000_create_targets': createTargets,
  '20261128130000_create_campaign_phases': createCampaignPhases,
  '20261128170000_track_figure_changes': trackFigureChanges,
  '20261128175000_add_area_rollups': addAreaRollups,
  '20261128175100_add_reference_stamps': addReferenceStamps,
  '20261128190000_lighten_people_writes': lightenPeopleWrites,
  '20261201110000_add_statistics_actor': addStatisticsActor,
  '20261201110100_create_indicator_variants': createIndicatorVariants,
  '20261201140000_create_contest': createContest,
  '20261201150000_create_password_resets': createPasswordResets,
  '20261201150100_add_alert_acknowledgements': addAlertAcknowledgements,
  '20261201160000_track_household_coverage': trackHouseholdCoverage,
  '20261201160100_mark_record_status': markRecordStatus,
  '20261201160200_add_confirmed_skills': addConfirmedSkills,
  '20261202100000_add_phase_prizes': addPhasePrizes,
  '20261202110000_create_household_assignments': createHouseholdAssignments,
  '20261202120000_create_learning': createLearning,
  '20261202130000_create_certificates': createCertificates,
  '20261202130100_create_xapi': createXapi,
  '20261202140000_create_events': createEvents,
  '20261202140100_count_week_from_events': countWeekFromEvents,
  '20261202150000_create_target_changes': createTargetChanges,
  '20261202160000_add_conflict_resolution': addConflictResolution,
  '20261202160100_create_dhis2_mappings': createDhis2Mappings,
  '20261203140000_add_skill_check_languages': addSkillCheckLanguages,
  '20261203140100_count_learning_from_records': countLearningFromRecords,
  '20261203150000_index_event_check_ins_by_unit': indexEventCheckInsByUnit,
  '20261203160000_create_statistic_proposals': createStatisticProposals,
  '20261203160100_add_milestone_kind_province': addMilestoneKindProvince,
  '20261203170000_create_sso_identities': createSsoIdentities,
  '20261204090000_key_facts_by_province': keyFactsByProvince,
  '20261204090100_key_course_and_contest_children': keyCourseAndContestChildren,
  '20261204090200_key_targets_and_sync_items': keyTargetsAndSyncItems,
  '20261205090000_index_team_leaderships_by_team': indexTeamLeadershipsByTeam,
  '20261206090000_add_data_changes': addDataChanges,
};
