/**
 * The officers' dashboard "interactive within 2 s" on the Dak Lak scenario at scale 1: a real
 * server, Debian's Chromium, a province officer signed in through the form, then the time from
 * the start of a page load (or a drill-down click) until the unit's name and all its indicator
 * tiles are on the page. Run over a scenario already built (building one takes minutes):
 *
 *   doorstep scenario daklak-2025 with DATABASE_URL=…/doorstep_s1 (or DATA_DIR=…), then
 *   BENCH_DATABASE_URL=postgres://root@127.0.0.1:5432/doorstep_s1 npm run bench:dashboard
 *   BENCH_DATA_DIR=/path/to/data npm run bench:dashboard
 *
 * Options (environment): BENCH_RUNS (page loads per unit, default 5).
 */
import { createUser, findUserByUsername } from '../src/modules/auth/auth.service.js';
import { countUnits } from '../src/modules/units/units.service.js';
import { launchChromium, signInWithForm } from '../e2e/support/browser.js';
import { timeDashboardLoad, timeDrillDown } from '../e2e/support/interactivity.js';
import { machineLabel, percentile, startBenchServer, writeResult } from './bench-server.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const reuse = { databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: process.env.BENCH_DATA_DIR };
if (!reuse.databaseUrl && !reuse.dataDir) throw new Error('Name a database holding the scenario: BENCH_DATABASE_URL or BENCH_DATA_DIR');
const USER = { username: 'bench-province', password: 'bench-province-password' };

interface Children { children: { unit: { code: string; name: string }; indicators: { status: string; gap: number | null }[] }[] }

// On PostgreSQL the server runs in a process of its own: its memory is then its alone.
const bench = await startBenchServer({}, reuse, { ownProcess: true });
const browser = await launchChromium();
try {
  const db = bench.db;
  if ((await countUnits(db)) === 0) throw new Error('The database holds no scenario: build it with `doorstep scenario daklak-2025` first');
  if (!(await findUserByUsername(db, USER.username))) {
    await createUser(db, { ...USER, displayName: 'Bench', role: 'province_officer', scopeUnitCode: '66' }, null);
  }
  const base = bench.url;
  await bench.meter.start();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await signInWithForm(page, base, USER.username, USER.password);
  await page.waitForURL(/#\/dashboard\//, { timeout: 60_000 });
  const api = async <T>(path: string): Promise<T> => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
  const province = await api<{ unit: { name: string }; indicators: unknown[] }>('/api/progress?unit=66');
  const children = await api<Children>('/api/progress/children?unit=66&indicator=adults_skills_confirmed');
  const commune = children.children[0]!;
  const tiles = province.indicators.length;

  const loads = async (url: string, unitName: string) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const fresh = await context.newPage();
      times.push(await timeDashboardLoad(fresh, url, { unitName, count: tiles }));
      await fresh.close();
    }
    return times.sort((a, b) => a - b);
  };
  const provinceLoads = await loads(`${base}/#/dashboard/66`, province.unit.name);
  const communeLoads = await loads(`${base}/#/dashboard/${commune.unit.code}`, commune.unit.name);

  // A drill-down from the province's ranking to a commune, in the page already open.
  const open = await context.newPage();
  await timeDashboardLoad(open, `${base}/#/dashboard/66/adults_skills_confirmed`, { unitName: province.unit.name, count: tiles });
  const row = open.locator('[data-testid="ranking-row"] a').first();
  const target = (await row.textContent())!.trim();
  const drillDown = await timeDrillDown(open, () => row.click(), { unitName: target, count: tiles });

  const { rssMb } = await bench.meter.stop();
  const summary = (times: number[]) => ({ runs: times.length, p50: Number(percentile(times, 50).toFixed(0)), max: Number(times.at(-1)!.toFixed(0)) });
  const result = {
    benchmark: 'dashboard', machine: machineLabel(), database: bench.databaseLabel,
    communes: children.children.length,
    provinceLoadMs: summary(provinceLoads), communeLoadMs: summary(communeLoads), drillDownMs: Number(drillDown.toFixed(0)),
    serverProcess: bench.process, serverRssMb: rssMb,
    budget: 'interactive within 2,000 ms',
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`written to ${writeResult('dashboard', result)}`);
} finally {
  await browser.close();
  await bench.close();
}
