// What other modules may use of teams beyond its services and schemas (docs/decisions.md,
// "Module boundaries").
export { teamPresence, type TeamPresence } from './team-coverage.js';
export { teamReachOf } from './team-reach.js';
