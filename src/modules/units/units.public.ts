// What other modules may use of units beyond its services and schemas (docs/decisions.md,
// "Module boundaries"): scope lookups, statistics, and the hooks a reorganisation is given.
export { ScopeCache } from './unit-scope.js';
export { statisticsOfUnits } from './unit-statistics.js';
export type { ReorganisationHooks, UnitContents } from './reorganisation-hooks.js';
