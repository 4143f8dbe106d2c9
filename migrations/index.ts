import type { Migration } from 'kysely';
import * as createUnits from './20261128090000_create_units.js';
import * as createAccounts from './20261128090100_create_accounts.js';

/** Every migration in order of its name. Landed migrations are frozen: add, never edit. */
export const migrations: Record<string, Migration> = {
  '20261128090000_create_units': createUnits,
  '20261128090100_create_accounts': createAccounts,
};
