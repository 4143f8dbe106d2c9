import type { Database } from '../../../db/database.js';
import { AppError } from '../../../errors.js';
import type { Language } from '../../../i18n/index.js';
import { vietnamDay } from '../../../lib/vietnam-day.js';
import { progressOf, progressOfChildren, type IndicatorProgress } from '../../targets/progress/progress.service.js';
import type { ProgressStatus } from '../../targets/targets.public.js';
import { getUnit, listProvinces } from '../../units/units.service.js';
import { summarize, type MovementSummary } from '../summary.service.js';

/**
 * What the public page shows without login: a province's (or commune's) figures, the ranking of
 * the province's communes per indicator and the movement's summary. Only aggregates and unit
 * names: no person, account, team member or difficulty text ever reaches it.
 */
export interface PublicIndicator {
  code: string;
  name: string;
  unitLabel: string;
  percent: boolean;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  deadline: string | null;
  status: ProgressStatus;
  suspect: boolean;
}

export interface PublicRankedUnit {
  rank: number | null;
  code: string;
  name: string;
  value: number | null;
  status: ProgressStatus;
}

export interface PublicProgress {
  unit: { code: string; name: string; type: string; tier: string; provinceCode: string };
  day: string;
  indicators: PublicIndicator[];
  /** Each indicator's ranking of the province's communes, best value first. */
  ranking: { indicatorCode: string; name: string; unitLabel: string; percent: boolean; units: PublicRankedUnit[] }[];
  summary: MovementSummary;
}

const publicIndicator = (i: IndicatorProgress): PublicIndicator => ({
  code: i.code, name: i.name, unitLabel: i.unitLabel, percent: i.percent, numerator: i.numerator, denominator: i.denominator,
  value: i.value, target: i.target, deadline: i.deadline, status: i.status, suspect: i.suspect,
});

/** Best value first; equal values share a rank; units with no data come last, unranked. */
function rank(units: Omit<PublicRankedUnit, 'rank'>[]): PublicRankedUnit[] {
  const sorted = [...units].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, 'vi'));
  return sorted.map((unit) => {
    if (unit.value === null) return { ...unit, rank: null };
    const first = sorted.findIndex((other) => other.value === unit.value);
    return { ...unit, rank: first + 1 };
  });
}

export async function publicProgress(db: Database, unitCode: string, lang: Language, day = vietnamDay()): Promise<PublicProgress> {
  const unit = await getUnit(db, unitCode, day, 'unit');
  // Villages are small enough for figures to point at households: the public page stops at communes.
  if (unit.tier === 'village') throw new AppError('UNIT_NOT_FOUND', `${unitCode} is not a province or commune`, 'unit');
  const own = await progressOf(db, null, unit.code, lang, day);
  const communes = await progressOfChildren(db, null, unit.provinceCode, lang, { day });
  return {
    unit: { code: unit.code, name: unit.name, type: unit.type, tier: unit.tier, provinceCode: unit.provinceCode },
    day,
    indicators: own.indicators.map(publicIndicator),
    ranking: own.indicators.map((indicator) => ({
      indicatorCode: indicator.code, name: indicator.name, unitLabel: indicator.unitLabel, percent: indicator.percent,
      units: rank(communes.children.map((child) => {
        const figure = child.indicators.find((i) => i.code === indicator.code)!;
        return { code: child.unit.code, name: child.unit.name, value: figure.value, status: figure.status };
      })),
    })),
    summary: summarize(own, lang),
  };
}

export interface PublicProvince {
  code: string;
  name: string;
}

/** The provinces in force on the day, by name: where the public page starts. */
export async function publicProvinces(db: Database, day = vietnamDay()): Promise<PublicProvince[]> {
  const provinces = await listProvinces(db, day);
  return provinces.map((p) => ({ code: p.code, name: p.name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
