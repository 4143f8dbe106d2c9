import type { Database } from '../db/database.js';
import { between, seededRandom } from '../lib/seeded-random.js';
import { importOfficialList, importStatistics, importVillages } from '../modules/units/unit-imports.js';
import { placeName, villageName } from './demo-names.js';

/**
 * A province shaped like Dak Lak after the 2025 reform: 102 commune-level units (88 communes,
 * 14 wards), about 30 villages each, and statistics adding up to about 3.3 million people.
 * Names and codes are invented (communes 66001–66102, villages <commune><nnn>) so the demo
 * never passes for official data. Written through the same imports an officer would use.
 */
export const DEMO = {
  provinceCode: '66',
  provinceName: 'Tỉnh Đắk Lắk',
  communes: 88,
  wards: 14,
  population: 3_300_000,
  validFrom: '2025-07-01',
  seed: 66,
} as const;

export interface DemoUnits {
  communeCodes: string[];
  villageCodes: string[];
  /** The commune and village the demo accounts are scoped to. */
  firstCommune: string;
  firstVillage: string;
}

interface DemoVillage { code: string; commune: string; name: string; type: string; weight: number }

function planDemo() {
  const random = seededRandom(DEMO.seed);
  const used = new Set<string>();
  const communes: { code: string; name: string; type: string; ward: boolean }[] = [];
  const villages: DemoVillage[] = [];
  const total = DEMO.communes + DEMO.wards;
  for (let i = 1; i <= total; i++) {
    // Wards come first in the list, as in the official catalogue; the east of the province is lowland.
    const ward = i <= DEMO.wards;
    const highland = !ward && random() < 0.6;
    const code = `${DEMO.provinceCode}${String(i).padStart(3, '0')}`;
    communes.push({ code, name: `${ward ? 'Phường' : 'Xã'} ${placeName(random, used, highland)}`, type: ward ? 'phường' : 'xã', ward });
    const count = ward ? between(random, 18, 45) : between(random, 20, 40);
    for (let v = 1; v <= count; v++) {
      const { name, type } = villageName(random, v, ward, highland);
      villages.push({ code: `${code}${String(v).padStart(3, '0')}`, commune: code, name, type, weight: (ward ? 1.6 : 1) * (0.5 + random()) });
    }
  }
  return { communes, villages, random };
}

function csv(header: string, rows: (string | number)[][]): string {
  return [header, ...rows.map((r) => r.join(','))].join('\n');
}

export interface DemoOptions {
  /**
   * Keeps only this share of each commune's villages (its first ones, at least one), for a
   * smaller copy of the province: the scenario below scale 1. Population stays 3.3 million.
   */
  villageShare?: number;
}

/** The first `share` of each commune's villages, at least one per commune. */
function keepShare(villages: DemoVillage[], share: number): DemoVillage[] {
  if (share >= 1) return villages;
  const perCommune = new Map<string, number>();
  for (const v of villages) perCommune.set(v.commune, (perCommune.get(v.commune) ?? 0) + 1);
  const seen = new Map<string, number>();
  return villages.filter((v) => {
    const index = seen.get(v.commune) ?? 0;
    seen.set(v.commune, index + 1);
    return index < Math.max(1, Math.round(perCommune.get(v.commune)! * share));
  });
}

/** Builds the demo tree and its statistics; the caller runs it inside a transaction. */
export async function buildDemoProvince(db: Database, options: DemoOptions = {}): Promise<DemoUnits> {
  const { communes, villages: planned, random } = planDemo();
  const villages = keepShare(planned, options.villageShare ?? 1);
  await importOfficialList(db, null, csv('province_code,province_name,province_type,unit_code,unit_name,unit_type',
    communes.map((c) => [DEMO.provinceCode, DEMO.provinceName, 'tỉnh', c.code, c.name, c.type])), DEMO.validFrom, null);
  await importVillages(db, null, csv('commune_code,village_code,name,type',
    villages.map((v) => [v.commune, v.code, v.name, v.type])), DEMO.validFrom, null);

  const totalWeight = villages.reduce((sum, v) => sum + v.weight, 0);
  const villageRows = villages.map((v) => {
    const population = Math.round((DEMO.population * v.weight) / totalWeight);
    const adults = Math.round(population * (0.68 + random() * 0.08));
    return [v.code, DEMO.validFrom, population, adults, Math.round(population / (3.6 + random())),
      Math.round(population * (0.18 + random() * 0.06)), Math.round(population * (0.03 + random() * 0.06)),
      Math.round(adults * (0.55 + random() * 0.3)), '', ''];
  });
  // Cadres, civil servants and public employees are counted where they work: at the commune.
  const communeRows = communes.map((c) => [c.code, DEMO.validFrom, '', '', '', '', '', '', between(random, 380, 900), between(random, 22, 40)]);
  await importStatistics(db, null, csv('unit_code,as_of,population,adults,households,pupils,enterprise_workers,smartphone_users,cadres,civil_servants',
    [...villageRows, ...communeRows]));

  return {
    communeCodes: communes.map((c) => c.code),
    villageCodes: villages.map((v) => v.code),
    firstCommune: communes[0]!.code,
    firstVillage: villages[0]!.code,
  };
}
