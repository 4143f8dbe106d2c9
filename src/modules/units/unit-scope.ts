import type { Database } from '../../db/database.js';
import type { Viewer } from '../../http/access.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { codesWithinScope, getUnit, getUnitsOn, isWithinScope, type Unit } from './units.service.js';

export type VillageLookup =
  | { status: 'ok'; code: string; provinceCode: string }
  | { status: 'not_found' }
  | { status: 'not_village' };

/**
 * What one use case (a sync batch, an import) learns about the viewer's scope, asked once per
 * unit: a batch of 500 items from one village checks that village once, not 500 times.
 */
export class ScopeCache {
  private readonly within = new Map<string, Promise<boolean>>();
  private readonly villages = new Map<string, Promise<VillageLookup>>();

  constructor(
    private readonly db: Database,
    private readonly viewer: Viewer | null,
    private readonly day = vietnamDay(),
  ) {}

  /** True when the unit lies in the viewer's subtree (always for the administrator or the system). */
  includes(code: string): Promise<boolean> {
    const scope = this.viewer === null || this.viewer.role === 'admin' ? null : this.viewer.scopeUnitCode;
    if (scope === null || scope === code) return Promise.resolve(true);
    let answer = this.within.get(code);
    if (!answer) this.within.set(code, (answer = isWithinScope(this.db, scope, code, this.day)));
    return answer;
  }

  /** A village-level unit in force today and in scope; anything out of scope looks missing. */
  village(code: string): Promise<VillageLookup> {
    let answer = this.villages.get(code);
    if (!answer) this.villages.set(code, (answer = this.lookUpVillage(code)));
    return answer;
  }

  /**
   * includes() for many units: those not asked before in one statement, whatever their number
   * (a batch that spans a few hundred villages checks them in one round trip, not one each).
   */
  async includesAll(codes: readonly string[]): Promise<Map<string, boolean>> {
    const scope = this.viewer === null || this.viewer.role === 'admin' ? null : this.viewer.scopeUnitCode;
    const unique = [...new Set(codes)];
    const fresh = unique.filter((code) => scope !== null && code !== scope && !this.within.has(code));
    if (fresh.length > 0) {
      const found = codesWithinScope(this.db, scope, fresh, this.day);
      for (const code of fresh) this.within.set(code, found.then((set) => set.has(code)));
    }
    return new Map(await Promise.all(unique.map(async (code) => [code, await this.includes(code)] as const)));
  }

  /** village() for many units, those not asked before in two statements. */
  async villagesOf(codes: readonly string[]): Promise<Map<string, VillageLookup>> {
    const unique = [...new Set(codes)];
    const fresh = unique.filter((code) => !this.villages.has(code));
    if (fresh.length > 0) {
      const found = this.lookUpVillages(fresh);
      for (const code of fresh) this.villages.set(code, found.then((map) => map.get(code)!));
    }
    return new Map(await Promise.all(unique.map(async (code) => [code, await this.village(code)] as const)));
  }

  private async lookUpVillage(code: string): Promise<VillageLookup> {
    if (!(await this.includes(code))) return { status: 'not_found' };
    return this.villageOf(code, await getUnit(this.db, code, this.day).catch(() => undefined));
  }

  private async lookUpVillages(codes: readonly string[]): Promise<Map<string, VillageLookup>> {
    const within = await this.includesAll(codes);
    const units = await getUnitsOn(this.db, codes.filter((code) => within.get(code)), this.day);
    return new Map(codes.map((code) => [code, within.get(code) ? this.villageOf(code, units.get(code)) : { status: 'not_found' as const }]));
  }

  private villageOf(code: string, unit: Unit | undefined): VillageLookup {
    if (!unit || (unit.validTo !== null && unit.validTo <= this.day)) return { status: 'not_found' };
    if (unit.tier !== 'village') return { status: 'not_village' };
    return { status: 'ok', code, provinceCode: unit.provinceCode };
  }
}
