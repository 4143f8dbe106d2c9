import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { Viewer } from '../http/access.js';
import { buildDemoProvince, DEMO } from '../demo/demo-province.js';
import { createUser } from '../modules/auth/auth.service.js';
import { DAKLAK_2025_PLAN, type PlanIndicator } from '../modules/targets/indicators/daklak-2025-plan.js';
import { addDays, daysBetween } from '../lib/vietnam-day.js';
import { DAKLAK_2025_CALENDAR, type CampaignCalendar } from './campaign-calendar.js';
import { installPlan, setTarget } from '../modules/targets/indicators/indicators.service.js';
import { importStatistics } from '../modules/units/unit-imports.js';
import { statisticsOfUnits } from '../modules/units/unit-statistics.js';
import type { ProvinceTotals } from './article-figures.js';
import type { CommuneStatistics } from './province-shape.js';

/**
 * The province of the scenario: the foundation's demo province (at scale F below 1, with only
 * that share of each commune's villages), its statistics multiplied by F through the officers'
 * statistics import, the Dak Lak 2025 plan with its absolute targets multiplied by F, and the
 * province officer the scenario writes as.
 */

/** Village statistics the scenario writes; cadres and civil servants are counted at the commune. */
const VILLAGE_KINDS = ['population', 'adults', 'households', 'pupils', 'enterprise_workers', 'smartphone_users'] as const;
const COMMUNE_KINDS = ['cadres', 'civil_servants'] as const;
/**
 * The adults and cadres of the province are made a multiple of 50, so 58%, 32% and 98% of them
 * are whole people and the shares come out exact at any scale.
 */
const EXACT_MULTIPLE = 50;

export interface ScenarioProvince {
  communes: CommuneStatistics[];
  totals: ProvinceTotals;
  statisticValues: number;
}

type Stats = Record<string, number>;

/** Takes `remainder` off the largest values, one each, so the total becomes a multiple. */
function trimToMultiple(rows: Stats[], kind: string): void {
  const remainder = rows.reduce((s, r) => s + r[kind]!, 0) % EXACT_MULTIPLE;
  const largest = rows.map((r, i) => [r[kind]!, i] as const).filter(([value]) => value > 1)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, remainder);
  for (const [, i] of largest) rows[i]![kind]! -= 1;
}

/** The plan's deadlines moved with the campaign: a campaign launched later has its deadlines later. */
function planOn(calendar: CampaignCalendar): PlanIndicator[] {
  const shift = daysBetween(DAKLAK_2025_CALENDAR.start, calendar.start);
  return DAKLAK_2025_PLAN.map((item) => ({ ...item, deadline: addDays(item.deadline, shift) }));
}

export async function buildProvince(db: Database, scale: number, calendar: CampaignCalendar = DAKLAK_2025_CALENDAR): Promise<ScenarioProvince> {
  const plan = planOn(calendar);
  const units = await db.transaction().execute(async (trx) => {
    const built = await buildDemoProvince(trx, { villageShare: Math.min(1, scale) });
    await installPlan(trx, plan, DEMO.provinceCode);
    for (const item of plan) {
      // Absolute targets follow the scale, so "12,800 = 62% of the target" holds at every scale.
      if (scale === 1 || item.percent || item.target === null) continue;
      await setTarget(trx, null, { indicatorCode: item.code, unitCode: DEMO.provinceCode, targetValue: Math.round(item.target * scale), deadline: item.deadline });
    }
    return built;
  });

  const stats = await statisticsOfUnits(db, DEMO.provinceCode, DEMO.validFrom, [...units.villageCodes, ...units.communeCodes]);
  const scaleRow = (code: string, kinds: readonly string[], least: number): Stats =>
    Object.fromEntries(kinds.map((kind) => [kind, Math.max(least, Math.round((stats.get(code)?.[kind] ?? 0) * scale))]));
  const villageRows = units.villageCodes.map((code) => scaleRow(code, VILLAGE_KINDS, 1));
  const communeRows = units.communeCodes.map((code) => scaleRow(code, COMMUNE_KINDS, 1));
  trimToMultiple(villageRows, 'adults');
  trimToMultiple(communeRows, 'cadres');

  const header = ['unit_code', 'as_of', ...VILLAGE_KINDS, ...COMMUNE_KINDS];
  const line = (code: string, row: Stats) => [code, DEMO.validFrom, ...header.slice(2).map((kind) => row[kind] ?? '')].join(',');
  const csv = [header.join(','), ...units.villageCodes.map((code, i) => line(code, villageRows[i]!)), ...units.communeCodes.map((code, i) => line(code, communeRows[i]!))].join('\n');
  const { values } = await db.transaction().execute((trx) => importStatistics(trx, null, csv));

  const villagesOf = new Map<string, CommuneStatistics['villages']>(units.communeCodes.map((code) => [code, []]));
  units.villageCodes.forEach((code, i) => {
    // Demo villages are coded <commune><nnn>.
    villagesOf.get(code.slice(0, 5))!.push({ code, adults: villageRows[i]!.adults!, population: villageRows[i]!.population! });
  });
  const communes = units.communeCodes.map((code, i) => ({
    code, cadres: communeRows[i]!.cadres!, civilServants: communeRows[i]!.civil_servants!, villages: villagesOf.get(code)!,
  }));
  const total = (rows: Stats[], kind: string) => rows.reduce((s, r) => s + r[kind]!, 0);
  return {
    communes,
    totals: {
      communes: communes.length, villages: units.villageCodes.length,
      adults: total(villageRows, 'adults'), cadres: total(communeRows, 'cadres'), civilServants: total(communeRows, 'civil_servants'),
    },
    statisticValues: values,
  };
}

export const SCENARIO_USERNAME = 'scenario';

/**
 * The province officer the scenario records its work as (visits, imports, approvals). Its
 * password is random and never shown: it is an author, not a login.
 */
export async function scenarioOfficer(db: Database): Promise<Viewer> {
  return provinceAuthor(db, SCENARIO_USERNAME, 'Kịch bản Đắk Lắk 2025');
}

export const SCENARIO_APPROVER_USERNAME = 'scenario-approver';

/**
 * A second province officer who approves the figures the first one entered: whoever enters or
 * submits a figure may not approve it, in the scenario as anywhere.
 */
export async function scenarioApprover(db: Database): Promise<Viewer> {
  return provinceAuthor(db, SCENARIO_APPROVER_USERNAME, 'Kịch bản Đắk Lắk 2025: duyệt số liệu');
}

async function provinceAuthor(db: Database, username: string, displayName: string): Promise<Viewer> {
  const { id } = await createUser(db, {
    username, displayName, password: randomBytes(18).toString('base64url'),
    role: 'province_officer', scopeUnitCode: DEMO.provinceCode,
  }, null);
  return { id, username, role: 'province_officer', scopeUnitCode: DEMO.provinceCode };
}
