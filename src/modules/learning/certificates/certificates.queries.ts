import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { CertificatesTable, SigningKeysTable } from '../../../db/types.js';

export type CertificateRow = Selectable<CertificatesTable>;

/** Rows or ids per statement: a field batch may confirm thousands, and a statement takes at most 32,767 parameters. */
const CHUNK = 2_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
export type SigningKeyRow = Selectable<SigningKeysTable>;

export async function selectKeyInUse(db: Database, purpose: string): Promise<SigningKeyRow | undefined> {
  return db.selectFrom('signing_keys').selectAll().where('purpose', '=', purpose).where('retired_at', 'is', null).executeTakeFirst();
}

/** Keeps the first key a server made; a concurrent second one is dropped (the partial unique index). */
export async function insertKeyUnlessOne(db: Database, row: Insertable<SigningKeysTable>): Promise<void> {
  await db.insertInto('signing_keys').values(row)
    .onConflict((oc) => oc.column('purpose').where('retired_at', 'is', null).doNothing()).execute();
}

export async function selectPublicKeys(db: Database, purpose: string): Promise<{ kid: string; public_jwk: unknown }[]> {
  return db.selectFrom('signing_keys').select(['kid', 'public_jwk']).where('purpose', '=', purpose).orderBy('created_at').execute();
}

/** Inserts the certificates whose confirmation has none yet; answers the ones written. */
export async function insertCertificates(db: Database, rows: readonly Insertable<CertificatesTable>[]): Promise<CertificateRow[]> {
  const written: CertificateRow[] = [];
  for (const part of chunks(rows)) written.push(...await db.insertInto('certificates').values(part).onConflict((oc) => oc.doNothing()).returningAll().execute());
  return written;
}

export type ResidentCertificate = Pick<Insertable<CertificatesTable>, 'id' | 'code' | 'milestone_id' | 'skills' | 'achieved_on' | 'source' | 'unit_code' | 'province_code'> & { resident_id: string };

/**
 * Inserts the certificates of residents, one statement for all: each named as its resident
 * record is, skipped when the resident does not exist or already holds a certificate in force
 * (or when the milestone already has one). One resident per row: the caller keeps the first.
 */
export async function insertResidentCertificates(db: Database, rows: readonly ResidentCertificate[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into certificates (id, code, milestone_id, resident_id, user_id, holder_name, skills, achieved_on, source, unit_code, province_code)
    select c.id, c.code, c.milestone_id, c.resident_id, null, r.full_name, c.skills, c.achieved_on, c.source, c.unit_code, c.province_code
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as c(id uuid, code text, milestone_id uuid, resident_id uuid, skills text[], achieved_on date, source text, unit_code text, province_code text)
    join residents r on r.id = c.resident_id
    where not exists (select 1 from certificates held where held.resident_id = c.resident_id and held.revoked_at is null)
    on conflict do nothing`.execute(db);
}

/** Holders (residents or learner accounts) who already have a certificate in force. */
export async function selectHoldersWithLiveCertificate(db: Database, residentIds: readonly string[], userIds: readonly string[]): Promise<{ resident_id: string | null; user_id: string | null }[]> {
  const found: { resident_id: string | null; user_id: string | null }[] = [];
  for (const part of chunks(residentIds)) {
    found.push(...await db.selectFrom('certificates').select(['resident_id', 'user_id']).where('revoked_at', 'is', null).where('resident_id', 'in', part).execute());
  }
  for (const part of chunks(userIds)) {
    found.push(...await db.selectFrom('certificates').select(['resident_id', 'user_id']).where('revoked_at', 'is', null).where('user_id', 'in', part).execute());
  }
  return found;
}

export async function selectCertificateByCode(db: Database, code: string): Promise<CertificateRow | undefined> {
  return db.selectFrom('certificates').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function selectCertificatesOfHolder(db: Database, userId: string, residentIds: readonly string[]): Promise<CertificateRow[]> {
  return db.selectFrom('certificates').selectAll()
    .where((eb) => eb.or([eb('user_id', '=', userId), ...(residentIds.length ? [eb('resident_id', 'in', residentIds)] : [])]))
    .orderBy('issued_at', 'desc').limit(50).execute();
}

export async function selectCertificatesInUnits(db: Database, unitCodes: readonly string[], after: string | undefined, limit: number): Promise<CertificateRow[]> {
  let query = db.selectFrom('certificates').selectAll().where('unit_code', 'in', unitCodes);
  if (after) query = query.where('id', '<', after);
  return query.orderBy('id', 'desc').limit(limit + 1).execute();
}

export async function revokeCertificate(db: Database, id: string, by: string, reason: string): Promise<CertificateRow | undefined> {
  return db.updateTable('certificates').set({ revoked_at: new Date(), revoked_by: by, revoked_reason: reason })
    .where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
}
