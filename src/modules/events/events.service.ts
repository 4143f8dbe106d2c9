import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { fastUuidV7 as uuidv7 } from '../../lib/fast-uuid.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { listSkillCodes } from '../learning/learning.service.js';
import { addToRollups, holdRollupsForWrite, RollupDeltas } from '../rollups/rollups.service.js';
import { ancestorCodes, getActiveUnit, getUnitsAt, getVisibleUnit, isWithinScope, listAllChildren, subtreeCodes } from '../units/units.service.js';
import { EVENT_SOURCES } from './events-rollups.js';
import * as q from './events.queries.js';
import type { CampaignInput, EventInput, EventView } from './events.schema.js';

export interface Campaign { id: string; provinceCode: string; kind: string; title: string; startsOn: string; endsOn: string }

const presentCampaign = (r: q.CampaignRow): Campaign => ({ id: r.id, provinceCode: r.province_code, kind: r.kind, title: r.title, startsOn: r.starts_on, endsOn: r.ends_on });

export function presentEvent(r: q.EventRow): EventView {
  return {
    id: r.id, unitCode: r.unit_code, communeCode: r.commune_code, type: r.type, title: r.title,
    startsAt: new Date(r.starts_at).toISOString(), endsAt: new Date(r.ends_at).toISOString(), place: r.place, capacity: r.capacity,
    skills: r.skills, organiser: r.organiser, campaignId: r.campaign_id, registered: Number(r.registered),
  };
}

/** Campaigns are province-wide: only an officer of the whole province starts one. */
export async function createCampaign(db: Database, viewer: Viewer, input: CampaignInput): Promise<Campaign> {
  const unit = await getVisibleUnit(db, viewer, input.provinceCode, vietnamDay(), 'provinceCode');
  if (unit.tier !== 'province') throw new AppError('VALIDATION_FAILED', 'A campaign belongs to a province', 'provinceCode');
  if (input.endsOn < input.startsOn) throw new AppError('EVENT_DATES_INVALID', 'The campaign ends before it starts', 'endsOn');
  const row = { id: uuidv7(), province_code: unit.code, kind: input.kind, title: input.title.trim(), starts_on: input.startsOn, ends_on: input.endsOn };
  await q.insertCampaign(db, { ...row, created_by: viewer.id });
  return presentCampaign(row);
}

export async function listCampaigns(db: Database, viewer: Viewer, provinceCode: string): Promise<Campaign[]> {
  // Communes see their province's campaigns: their events belong to them.
  if (!(await isWithinScope(db, provinceCode, viewer.scopeUnitCode ?? provinceCode)) && viewer.role !== 'admin') {
    throw new AppError('UNIT_NOT_FOUND', undefined, 'province');
  }
  return (await q.selectCampaigns(db, provinceCode)).map(presentCampaign);
}

async function getCampaign(db: Database, viewer: Viewer, id: string, field = 'id'): Promise<q.CampaignRow> {
  const row = await q.selectCampaign(db, id);
  const scope = viewer.role === 'admin' ? null : viewer.scopeUnitCode;
  if (!row || (scope !== null && !(await isWithinScope(db, row.province_code, scope)))) throw new AppError('CAMPAIGN_NOT_FOUND', undefined, field);
  return row;
}

/** "Organised in N of M communes", with the communes still to organise it (of the province today). */
export async function campaignProgress(db: Database, viewer: Viewer, id: string) {
  const campaign = await getCampaign(db, viewer, id);
  const organised = new Set(await q.selectOrganisingCommunes(db, id));
  const communes = (await listAllChildren(db, campaign.province_code)).filter((u) => u.tier === 'commune');
  return {
    campaign: presentCampaign(campaign),
    organised: communes.filter((c) => organised.has(c.code)).length,
    communes: communes.length,
    notOrganised: communes.filter((c) => !organised.has(c.code)).map((c) => ({ code: c.code, name: c.name })),
  };
}

/** The commune an event's unit lies in (the unit itself for a commune or a province). */
async function communeOf(db: Database, code: string, day: string): Promise<string> {
  const chain = await ancestorCodes(db, code, day);
  const units = await getUnitsAt(db, chain, day);
  return units.find((u) => u.tier === 'commune')?.code ?? code;
}

async function checkEventInput(db: Database, input: EventInput): Promise<void> {
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) throw new AppError('EVENT_DATES_INVALID', 'The event ends before it starts', 'endsAt');
  const known = await listSkillCodes(db);
  (input.skills ?? []).forEach((skill, i) => {
    if (!known.has(skill)) throw new AppError('SKILL_UNKNOWN', `No skill ${skill}`, `skills[${i}]`);
  });
}

function rowOf(input: EventInput, base: { id: string; unit_code: string; commune_code: string; province_code: string; campaign_id: string | null; created_by: string | null; created_at: string }): q.NewEventRow {
  return {
    ...base, type: input.type, title: input.title.trim(), starts_at: input.startsAt, ends_at: input.endsAt, place: input.place?.trim() || null,
    capacity: input.capacity ?? null, skills: [...new Set(input.skills ?? [])], organiser: input.organiser?.trim() || null,
  };
}

/** Creates an event; the first event of a Week campaign in a commune counts the commune as having organised it. */
export async function createEvent(db: Database, viewer: Viewer, input: EventInput, now = new Date()): Promise<EventView> {
  const day = vietnamDay(now);
  const unit = await getActiveUnit(db, viewer, input.unitCode, day, 'unitCode');
  await checkEventInput(db, input);
  const communeCode = await communeOf(db, unit.code, day);
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await holdRollupsForWrite(trx);
    let campaign: q.CampaignRow | undefined;
    if (input.campaignId) {
      // Locked so two first events of one commune, created together, count the commune once.
      campaign = await q.lockCampaign(trx, input.campaignId);
      const startDay = vietnamDay(new Date(input.startsAt));
      const endDay = vietnamDay(new Date(input.endsAt));
      if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', undefined, 'campaignId');
      if (campaign.province_code !== unit.provinceCode || endDay < campaign.starts_on || startDay > campaign.ends_on) {
        throw new AppError('EVENT_CAMPAIGN_INVALID', 'The event lies outside the campaign', 'campaignId');
      }
    }
    await q.insertEvent(trx, rowOf(input, {
      id, unit_code: unit.code, commune_code: communeCode, province_code: unit.provinceCode, campaign_id: campaign?.id ?? null,
      created_by: viewer.id, created_at: now.toISOString(),
    }));
    if (campaign?.kind === 'week' && !(await q.campaignHasOtherEventIn(trx, campaign.id, communeCode, id))) {
      const deltas = new RollupDeltas();
      deltas.add(EVENT_SOURCES.weekCommunes, communeCode, unit.provinceCode, day, 1);
      await addToRollups(trx, deltas.rows());
    }
  });
  return presentEvent((await q.selectEvent(db, id))!);
}

/** An edit of what, when and where; the unit and campaign stay (the counts name them). */
export async function updateEvent(db: Database, viewer: Viewer, id: string, input: EventInput): Promise<EventView> {
  const event = await getEventFor(db, viewer, id, { manage: true });
  if (input.unitCode !== event.unit_code) throw new AppError('VALIDATION_FAILED', 'An event cannot move to another unit', 'unitCode');
  if ((input.campaignId ?? null) !== event.campaign_id) throw new AppError('VALIDATION_FAILED', 'An event cannot change campaign', 'campaignId');
  await checkEventInput(db, input);
  await q.updateEvent(db, rowOf(input, { ...event, created_by: null, created_at: '' }));
  return presentEvent((await q.selectEvent(db, id))!);
}

/**
 * An event the viewer may see: one in their subtree, or one of a unit above them (a village's
 * team checks people in at its commune's event). Managing it takes the event in their subtree.
 */
export async function getEventFor(db: Database, viewer: Viewer | null, id: string, options: { manage?: boolean; field?: string } = {}): Promise<q.EventRow> {
  const event = await q.selectEvent(db, id);
  const field = options.field ?? 'id';
  if (!event) throw new AppError('EVENT_NOT_FOUND', undefined, field);
  if (viewer === null || viewer.role === 'admin' || viewer.scopeUnitCode === null) return event;
  if (await isWithinScope(db, viewer.scopeUnitCode, event.unit_code)) return event;
  if (!options.manage && (await isWithinScope(db, event.unit_code, viewer.scopeUnitCode))) return event;
  throw new AppError('EVENT_NOT_FOUND', undefined, field);
}

/** Events of the unit's subtree and of the units above it, latest first. */
export async function listEvents(db: Database, viewer: Viewer, unitCode: string, limit = 100): Promise<EventView[]> {
  const unit = await getVisibleUnit(db, viewer, unitCode, vietnamDay(), 'unit');
  const codes = [...new Set([...(await subtreeCodes(db, unit.code)), ...(await ancestorCodes(db, unit.code))])];
  return (await q.selectEventsIn(db, codes, limit)).map(presentEvent);
}

export async function attendanceOf(db: Database, viewer: Viewer, id: string) {
  const event = await getEventFor(db, viewer, id);
  const a = await q.attendanceOf(db, id);
  const attendances = a.people + a.head_count;
  return {
    people: a.people, attendances, headCount: a.head_count, capacity: event.capacity,
    overCapacity: event.capacity !== null && attendances > event.capacity,
    bySkill: a.by_skill.map((s) => ({ skill: s.skill, attendances: s.n })),
  };
}

/**
 * Attendance of a unit and its subtree across all its events between two days (both
 * optional): people counted once however many events they came to, attendances, walk-ins,
 * and the same per skill taught.
 */
export async function unitAttendanceOf(db: Database, viewer: Viewer, query: { unit: string; from?: string; to?: string }) {
  if (query.from && query.to && query.to < query.from) throw new AppError('VALIDATION_FAILED', 'The span ends before it starts', 'to');
  const unit = await getVisibleUnit(db, viewer, query.unit, vietnamDay(), 'unit');
  const rows = await q.unitAttendance(db, await subtreeCodes(db, unit.code), query.from ?? null, query.to ?? null);
  const total = rows.find((r) => r.total);
  return {
    unitCode: unit.code, from: query.from ?? null, to: query.to ?? null,
    events: total?.events ?? 0, people: total?.people ?? 0, attendances: total?.attendances ?? 0, headCount: total?.head_count ?? 0,
    bySkill: rows.filter((r) => !r.total && r.skill !== null).map((r) => ({ skill: r.skill!, people: r.people, attendances: r.attendances, events: r.events })),
  };
}
