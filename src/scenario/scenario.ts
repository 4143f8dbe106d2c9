import type { Database } from '../db/database.js';
import { DEMO } from '../demo/demo-province.js';
import { DAKLAK_2025_PLAN } from '../modules/targets/indicators/daklak-2025-plan.js';
import { progressOf } from '../modules/targets/progress/progress.service.js';
import { countUnits } from '../modules/units/units.service.js';
import { ARTICLE, expectedFigures, scaled, type ExpectedFigure, type ProvinceTotals } from './article-figures.js';
import { DAKLAK_2025_CALENDAR, DAYS_TO_REPORT, type CampaignCalendar } from './campaign-calendar.js';
import { writeFieldWork } from './field-step.js';
import { planProvince, type ProvincePlan } from './province-shape.js';
import { buildProvince, scenarioOfficer, scenarioApprover } from './province-step.js';
import { reportFigures, type ReportOptions } from './reported-step.js';
import { setUpTeams } from './teams-step.js';
import { CommandRefused } from '../lib/command-refused.js';

/**
 * `doorstep scenario daklak-2025 [--scale F]`: the Dak Lak province of the source article,
 * built on an empty database through the same services as real use, so that the province's
 * progress on the report's day shows the article's figures exactly (counts × F, shares
 * unchanged), rising towards them from the launch, with communes that differ. Each step reports what it wrote and how long it took.
 */

export const SCENARIO_NAME = 'daklak-2025';
/** Below this scale the team members could not staff one team per village. */
export const MIN_SCALE = 0.006;
export const MAX_SCALE = 100;
/**
 * Chunks written at once on a PostgreSQL server: while one batch waits on the database another
 * is being built. Measured at scale 1 on 2 cores: 140 s with 2, 117.5 s with 3, the same with 4.
 */
export const SERVER_CONCURRENCY = 3;
const SEED = 2025;

export class ScenarioRefused extends CommandRefused {}

export interface ScenarioOptions {
  scale: number;
  secretKey: string;
  /** The campaign's days (default: Dak Lak's 2025 peak days and the article's report day). */
  calendar?: CampaignCalendar;
  /** Which reported figures the province approves (default all; the others await approval). */
  approve?: ReportOptions['approve'];
  /** Chunks of field work written at once (default 1, for the embedded database's one connection; see SERVER_CONCURRENCY). */
  concurrency?: number;
  log?: (line: string) => void;
  /** Called as each step ends, before the next begins (a benchmark counts what each step sent). */
  onStep?: (step: ScenarioStep) => void;
}

export interface ScenarioStep {
  name: string;
  ms: number;
  /** Records written by the step, by kind. */
  rows: Record<string, number>;
}

export interface ScenarioReport {
  scale: number;
  /** The day GET /api/progress?unit=66&date=… shows the article's figures. */
  reportDay: string;
  /** The province's communes as planned (their paces, villages and figures), for builders that add to them. */
  plan: ProvincePlan;
  totals: ProvinceTotals;
  steps: ScenarioStep[];
  expected: ExpectedFigure[];
  /** Indicators whose figures on the progress page differ from the article's (empty when all match). */
  mismatches: string[];
  ms: number;
}

const number = (n: number) => n.toLocaleString('en-US');

export async function runScenario(db: Database, options: ScenarioOptions): Promise<ScenarioReport> {
  const { scale } = options;
  const calendar = options.calendar ?? DAKLAK_2025_CALENDAR;
  const log = options.log ?? (() => {});
  if (!Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
    throw new ScenarioRefused(`--scale must be a number from ${MIN_SCALE} to ${MAX_SCALE}, got ${scale}`);
  }
  const units = await countUnits(db);
  if (units > 0) {
    throw new ScenarioRefused(`The database already holds ${number(units)} units. The scenario builds its province on an empty database: point DATABASE_URL or DATA_DIR at a new one.`);
  }

  const started = performance.now();
  const steps: ScenarioStep[] = [];
  const step = async <T>(name: string, work: () => Promise<T>, rowsOf: (result: T) => Record<string, number>, describe: (result: T) => string): Promise<T> => {
    const begun = performance.now();
    const result = await work();
    const ms = performance.now() - begun;
    const done = { name, ms, rows: rowsOf(result) };
    steps.push(done);
    options.onStep?.(done);
    log(`  ${name.padEnd(18)} ${(ms / 1000).toFixed(1).padStart(7)} s  ${describe(result)}`);
    return result;
  };

  log(`Scenario ${SCENARIO_NAME} at scale ${scale}`);
  log(`Campaign from ${calendar.start}, figures of the report on ${calendar.reportDay}`);
  const province = await step('province', () => buildProvince(db, scale, calendar), (p) => ({
    units: 1 + p.totals.communes + p.totals.villages, statistics: p.statisticValues, indicators: DAKLAK_2025_PLAN.length,
  }), (p) => `${p.totals.communes} communes, ${number(p.totals.villages)} villages, ${number(p.totals.adults)} adults, ${number(p.statisticValues)} statistics, ${DAKLAK_2025_PLAN.length} indicators`);
  const [viewer, approver] = await step('officers', async () => [await scenarioOfficer(db), await scenarioApprover(db)] as const, () => ({ users: 2 }),
    ([v, a]) => `province officer "${v.username}" records the work, "${a.username}" approves the figures`);
  const plan = await step('plan', async () => planProvince(province.communes, scale, SEED, calendar), () => ({}),
    (p) => `${number(p.residents)} residents to record, ${p.communes.filter((c) => c.profile.pace === 'behind').length} communes far behind, ${p.communes.filter((c) => c.profile.pace === 'ahead').length} ahead`);
  await step('teams', () => setUpTeams(db, viewer, plan.communes, SEED), (t) => ({ ...t }),
    (t) => `${t.committees} committees (${number(t.committeeMembers)} members), ${number(t.teams)} teams, ${number(t.teamMembers)} team members`);
  await step('field work', () => writeFieldWork(db, plan.communes, {
    viewer, secretKey: options.secretKey, seed: SEED, calendar, concurrency: options.concurrency ?? 1,
    onProgress: (t) => { if (t.chunks % 20 === 0) log(`    … ${number(t.residents)} residents, ${number(t.visits)} visits, ${number(t.milestones)} milestones`); },
  }), (t) => ({ households: t.households, residents: t.residents, visits: t.visits, milestones: t.milestones }),
  (t) => `${number(t.households)} households, ${number(t.residents)} residents, ${number(t.visits)} visits, ${number(t.milestones)} milestones `
    + `(batches ${(t.batchMs / 1000).toFixed(1)} s summed over the workers, ${t.chunks} chunks)`);
  await step('reported figures', () => reportFigures(db, viewer, approver, plan.communes, { calendar, approve: options.approve }), (n) => ({ reportedValues: n }), (n) => `${n} figures reported and submitted`);

  const expected = expectedFigures(province.totals, scale);
  const mismatches = await step('check', () => compareWithProgress(db, expected, calendar.reportDay), () => ({}),
    (m) => (m.length === 0 ? `GET /api/progress?unit=66&date=${calendar.reportDay} shows the article's figures` : `${m.length} figure(s) differ: ${m.join('; ')}`));
  const ms = performance.now() - started;
  const rows = steps.reduce((sum, s) => sum + Object.values(s.rows).reduce((a, b) => a + b, 0), 0);
  log(`Done in ${(ms / 1000).toFixed(1)} s: ${number(rows)} records written.`);
  log(`Team members ${number(scaled(ARTICLE.teamMembers, scale))}, registrations ${number(scaled(ARTICLE.learningPlatformRegistrations, scale))}, `
    + `signatures ${number(scaled(ARTICLE.digitalSignatures, scale))}, Week participants ${number(scaled(ARTICLE.weekParticipants, scale))}.`);
  log(`The article's figures are reached on ${calendar.reportDay} (day ${DAYS_TO_REPORT} of the campaign): GET /api/progress?unit=${DEMO.provinceCode}&date=${calendar.reportDay}`);
  return { scale, reportDay: calendar.reportDay, plan, totals: province.totals, steps, expected, mismatches, ms };
}

/** Reads the province's progress as the dashboard does and lists every figure that is not the expected one. */
async function compareWithProgress(db: Database, expected: readonly ExpectedFigure[], day: string): Promise<string[]> {
  const progress = await progressOf(db, null, DEMO.provinceCode, 'en', day);
  const mismatches: string[] = [];
  for (const want of expected) {
    const got = progress.indicators.find((i) => i.code === want.code);
    if (!got || got.numerator !== want.numerator || got.denominator !== want.denominator || got.value !== want.value) {
      mismatches.push(`${want.code}: ${got ? `${got.numerator}/${got.denominator} = ${got.value}` : 'missing'}, expected ${want.numerator}/${want.denominator} = ${want.value}`);
    }
  }
  return mismatches;
}
