// What other modules may use of auth beyond its services and schemas (docs/decisions.md,
// "Module boundaries").
export { scopeRootOf } from './roles.js';
