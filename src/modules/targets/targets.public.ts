// What other modules may use of targets beyond its services and schemas (docs/decisions.md,
// "Module boundaries").
export type { ProgressStatus } from './progress/progress-status.js';
