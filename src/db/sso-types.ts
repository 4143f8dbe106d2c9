import type { ColumnType } from 'kysely';

/** Table types of single sign-on, beside its migration 20261203170000_create_sso_identities. */
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UserIdentitiesTable {
  id: string;
  user_id: string;
  issuer: string;
  subject_hash: string;
  subject_hint: string;
  created_by: string | null;
  created_at: Instant;
  last_login_at: Date | null;
}

export interface SsoAttemptsTable {
  state_hash: string;
  code_verifier: string;
  nonce: string;
  created_at: Instant;
  expires_at: Date;
}

export interface SsoTables {
  user_identities: UserIdentitiesTable;
  sso_attempts: SsoAttemptsTable;
}
