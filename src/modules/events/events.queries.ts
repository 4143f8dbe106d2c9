import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

export interface CampaignRow {
  id: string; province_code: string; kind: string; title: string; starts_on: string; ends_on: string;
}

export interface EventRow {
  id: string; unit_code: string; commune_code: string; province_code: string; type: string; title: string;
  starts_at: Date; ends_at: Date; place: string | null; capacity: number | null; skills: string[];
  organiser: string | null; campaign_id: string | null; campaign_kind: string | null; registered: number;
}

const EVENT_COLUMNS = sql`e.id, e.unit_code, e.commune_code, e.province_code, e.type, e.title, e.starts_at, e.ends_at, e.place,
  e.capacity, e.skills, e.organiser, e.campaign_id, c.kind as campaign_kind,
  (select count(*)::int from event_registrations r where r.event_id = e.id) as registered`;

export async function insertCampaign(db: Database, row: CampaignRow & { created_by: string | null }): Promise<void> {
  await sql`insert into event_campaigns (id, province_code, kind, title, starts_on, ends_on, created_by)
    values (${row.id}, ${row.province_code}, ${row.kind}, ${row.title}, ${row.starts_on}, ${row.ends_on}, ${row.created_by})`.execute(db);
}

export async function selectCampaign(db: Database, id: string): Promise<CampaignRow | undefined> {
  const r = await sql<CampaignRow>`select id, province_code, kind, title, starts_on::text, ends_on::text from event_campaigns where id = ${id}`.execute(db);
  return r.rows[0];
}

export async function selectCampaigns(db: Database, provinceCode: string): Promise<CampaignRow[]> {
  const r = await sql<CampaignRow>`select id, province_code, kind, title, starts_on::text, ends_on::text from event_campaigns
    where province_code = ${provinceCode} order by starts_on desc, id limit 100`.execute(db);
  return r.rows;
}

/** The communes that hold at least one event of the campaign. */
export async function selectOrganisingCommunes(db: Database, campaignId: string): Promise<string[]> {
  const r = await sql<{ commune_code: string }>`select distinct commune_code from events where campaign_id = ${campaignId}`.execute(db);
  return r.rows.map((row) => row.commune_code);
}

export interface NewEventRow {
  id: string; unit_code: string; commune_code: string; province_code: string; type: string; title: string;
  starts_at: string; ends_at: string; place: string | null; capacity: number | null; skills: string[];
  organiser: string | null; campaign_id: string | null; created_by: string | null; created_at: string;
}

export async function insertEvent(db: Database, row: NewEventRow): Promise<void> {
  await sql`insert into events (id, unit_code, commune_code, province_code, type, title, starts_at, ends_at, place, capacity, skills, organiser, campaign_id, created_by, created_at)
    values (${row.id}, ${row.unit_code}, ${row.commune_code}, ${row.province_code}, ${row.type}, ${row.title}, ${row.starts_at}, ${row.ends_at},
      ${row.place}, ${row.capacity}, ${row.skills}::text[], ${row.organiser}, ${row.campaign_id}, ${row.created_by}, ${row.created_at})`.execute(db);
}

/** The unit and campaign stay: the counts of the Week and of check-ins already name them. */
export async function updateEvent(db: Database, row: NewEventRow): Promise<void> {
  await sql`update events set type = ${row.type}, title = ${row.title},
      starts_at = ${row.starts_at}, ends_at = ${row.ends_at}, place = ${row.place}, capacity = ${row.capacity}, skills = ${row.skills}::text[],
      organiser = ${row.organiser}, updated_at = now()
    where id = ${row.id}`.execute(db);
}

/** True when another event of the campaign already stands in the commune (its first one counts it as organised). */
export async function campaignHasOtherEventIn(db: Database, campaignId: string, communeCode: string, exceptId: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from events where campaign_id = ${campaignId} and commune_code = ${communeCode} and id <> ${exceptId}`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

export async function selectEvent(db: Database, id: string, forUpdate = false): Promise<EventRow | undefined> {
  const r = await sql<EventRow>`select ${EVENT_COLUMNS} from events e left join event_campaigns c on c.id = e.campaign_id
    where e.id = ${id} ${forUpdate ? sql`for update of e` : sql``}`.execute(db);
  return r.rows[0];
}

/** Events held in any of `codes`, latest first. */
export async function selectEventsIn(db: Database, codes: readonly string[], limit: number): Promise<EventRow[]> {
  const r = await sql<EventRow>`select ${EVENT_COLUMNS} from events e left join event_campaigns c on c.id = e.campaign_id
    where e.unit_code = any(${[...codes]}::text[]) order by e.starts_at desc, e.id limit ${limit}`.execute(db);
  return r.rows;
}

export async function countRegistrations(db: Database, eventId: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from event_registrations where event_id = ${eventId}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export async function insertRegistration(db: Database, row: {
  id: string; event_id: string; code: string; full_name: string; phone_hash: string | null; phone_last3: string | null;
  resident_id: string | null; unit_code: string | null; province_code: string; registered_by: string | null;
}): Promise<boolean> {
  const r = await sql`insert into event_registrations (id, event_id, code, full_name, phone_hash, phone_last3, resident_id, unit_code, province_code, registered_by)
    values (${row.id}, ${row.event_id}, ${row.code}, ${row.full_name}, ${row.phone_hash}, ${row.phone_last3}, ${row.resident_id}, ${row.unit_code},
      ${row.province_code}, ${row.registered_by})
    on conflict (code, province_code) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function selectRegistrationByCode(db: Database, eventId: string, code: string): Promise<{ id: string; resident_id: string | null } | undefined> {
  const r = await sql<{ id: string; resident_id: string | null }>`select id, resident_id from event_registrations where event_id = ${eventId} and code = ${code}`.execute(db);
  return r.rows[0];
}

export interface CheckInRow {
  id: string; event_id: string; person_key: string | null; head_count: number; skill: string | null; checked_in_at: string;
  day: string; unit_code: string; province_code: string; in_week: boolean; device_id: string; user_id: string;
}

/** Writes the check-in unless the same person is already checked in at the event; true when written. */
export async function insertCheckIn(db: Database, row: CheckInRow): Promise<boolean> {
  const r = await sql`insert into event_check_ins (id, event_id, person_key, head_count, skill, checked_in_at, day, unit_code, province_code, in_week, device_id, user_id)
    values (${row.id}, ${row.event_id}, ${row.person_key}, ${row.head_count}, ${row.skill}, ${row.checked_in_at}, ${row.day}, ${row.unit_code},
      ${row.province_code}, ${row.in_week}, ${row.device_id}, ${row.user_id})
    on conflict do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function attendanceOf(db: Database, eventId: string): Promise<{ people: number; head_count: number; by_skill: { skill: string; n: number }[] }> {
  const totals = await sql<{ people: number; head_count: number }>`
    select count(*) filter (where person_key is not null)::int as people,
      coalesce(sum(head_count) filter (where person_key is null), 0)::int as head_count
    from event_check_ins where event_id = ${eventId}`.execute(db);
  const bySkill = await sql<{ skill: string; n: number }>`
    select skill, sum(head_count)::int as n from event_check_ins where event_id = ${eventId} and skill is not null group by skill order by skill`.execute(db);
  return { people: totals.rows[0]?.people ?? 0, head_count: totals.rows[0]?.head_count ?? 0, by_skill: bySkill.rows };
}

/** The counts the rebuild recomputes, per unit and day: see events-rollups.ts. */
export async function countCheckIns(db: Database): Promise<{ unit_code: string; province_code: string; day: string; in_week: boolean; skill: string | null; people: number; attendances: number }[]> {
  const r = await sql<{ unit_code: string; province_code: string; day: string; in_week: boolean; skill: string | null; people: number; attendances: number }>`
    select unit_code, province_code, day::text, in_week, skill,
      count(*) filter (where person_key is not null)::int as people, sum(head_count)::int as attendances
    from event_check_ins group by unit_code, province_code, day, in_week, skill`.execute(db);
  return r.rows;
}

/** Each commune's first Week event, on the day it was created: what "communes that organised the Week" counts. */
export async function countWeekCommunes(db: Database): Promise<{ commune_code: string; province_code: string; day: string }[]> {
  const r = await sql<{ commune_code: string; province_code: string; day: string }>`
    select distinct on (e.campaign_id, e.commune_code) e.commune_code, e.province_code,
      (e.created_at at time zone 'Asia/Ho_Chi_Minh')::date::text as day
    from events e join event_campaigns c on c.id = e.campaign_id
    where c.kind = 'week'
    order by e.campaign_id, e.commune_code, e.created_at, e.id`.execute(db);
  return r.rows;
}

export async function lockCampaign(db: Database, id: string): Promise<CampaignRow | undefined> {
  const r = await sql<CampaignRow>`select id, province_code, kind, title, starts_on::text, ends_on::text from event_campaigns where id = ${id} for update`.execute(db);
  return r.rows[0];
}

export interface UnitAttendanceRow { total: boolean; skill: string | null; people: number; attendances: number; head_count: number; events: number }

/**
 * Attendance across the events held in `codes` between two days: people once however many
 * events they came to, attendances (a person once per event, walk-ins by head), per skill, and
 * the total in the row marked `total`.
 */
export async function unitAttendance(db: Database, codes: readonly string[], from: string | null, to: string | null): Promise<UnitAttendanceRow[]> {
  const r = await sql<UnitAttendanceRow>`
    select grouping(skill) = 1 as total, skill, count(distinct person_key)::int as people, coalesce(sum(head_count), 0)::int as attendances,
      coalesce(sum(head_count) filter (where person_key is null), 0)::int as head_count, count(distinct event_id)::int as events
    from event_check_ins
    where unit_code = any(${[...codes]}::text[])
      ${from === null ? sql`` : sql`and day >= ${from}`} ${to === null ? sql`` : sql`and day <= ${to}`}
    group by grouping sets ((), (skill))
    order by grouping(skill) desc, skill`.execute(db);
  return r.rows;
}
