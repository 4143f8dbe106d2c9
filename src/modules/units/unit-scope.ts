import type { Database } from '../../db/database.js';
import type { Viewer } from '../../http/access.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { getUnit, isWithinScope } from './units.service.js';

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

  private async lookUpVillage(code: string): Promise<VillageLookup> {
    if (!(await this.includes(code))) return { status: 'not_found' };
    const unit = await getUnit(this.db, code, this.day).catch(() => undefined);
    if (!unit || (unit.validTo !== null && unit.validTo <= this.day)) return { status: 'not_found' };
    if (unit.tier !== 'village') return { status: 'not_village' };
    return { status: 'ok', code, provinceCode: unit.provinceCode };
  }
}
