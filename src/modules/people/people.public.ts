// What other modules may use of people beyond its services and schemas (docs/decisions.md,
// "Module boundaries"): the field app's feed and bulk writes, and the resident's learning facts.
export { createHouseholds, createResidents, type BulkContext, type BulkOutcome, type NewRecord } from './bulk-records.js';
export { NATIONAL_ID_PATTERN } from './national-id.js';
export { listResidentsLacking, pullVillagePage } from './people-feed.js';
export type { HouseholdRecord, MissingResident, ResidentRecord } from './people.presenter.js';
export { currentVersions, type CurrentVersion } from './record-versions.js';
export { findResidentGroups, recordResidentMilestone } from './resident-learning.js';
