import { DEMO } from '../../src/demo/demo-province.js';
import { createUser } from '../../src/modules/auth/auth.service.js';
import { runScenario, type ScenarioReport } from '../../src/scenario/scenario.js';
import { E2E_SECRET, startE2eServer, type E2eServer } from './e2e-server.js';

export interface ScenarioServer extends E2eServer {
  report: ScenarioReport;
}

/**
 * The real server on the Dak Lak 2025 scenario at a small scale (communes that differ, some far
 * behind), written through the same services as real use, with a province officer whose password
 * the journey knows: the scenario's own officer has a random one, by design.
 */
export async function startScenarioServer(options: { scale: number; officer: { username: string; password: string } }): Promise<ScenarioServer> {
  let report: ScenarioReport | undefined;
  const e2e = await startE2eServer({
    seed: async (db) => {
      report = await runScenario(db, { scale: options.scale, secretKey: E2E_SECRET });
      if (report.mismatches.length > 0) throw new Error(`the scenario's figures differ: ${report.mismatches.join('; ')}`);
      await createUser(db, {
        username: options.officer.username, displayName: 'Cán bộ Sở Khoa học và Công nghệ', password: options.officer.password,
        role: 'province_officer', scopeUnitCode: DEMO.provinceCode,
      }, null);
    },
  });
  return { ...e2e, report: report! };
}
