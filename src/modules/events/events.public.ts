// What other modules may use of events beyond its services and schemas (docs/decisions.md,
// "Module boundaries"): a check-in carried by a field app batch.
export { applyCheckIn } from './check-ins.js';
