import type { Database } from '../../../db/database.js';
import type { Viewer } from '../../../http/access.js';
import type { Language } from '../../../i18n/index.js';
import { listDifficulties } from '../../targets/difficulties/difficulties.service.js';
import { childrenWhole, progressOf, progressOfChildren, type IndicatorProgress, type UnitProgress } from '../../targets/progress/progress.service.js';
import type { ProgressStatus } from '../../targets/targets.public.js';
import { getUnitsAt, getVisibleUnit } from '../../units/units.service.js';
import { resolvePhaseSpan, type PhaseSpan } from './phases.service.js';

/**
 * A campaign phase's evaluation: each unit below at the start and at the end of the phase per
 * indicator, ranked by what it gained, and the difficulties still open: the material for the
 * launch-phase review.
 */
export interface PhaseFigure {
  unitCode: string;
  unitName: string;
  start: number | null;
  end: number | null;
  /** end − start: percentage points for a percentage, a count otherwise. */
  gain: number | null;
  /** 1 for the largest gain; equal gains share a rank; null when the gain is unknown. */
  rank: number | null;
  status: ProgressStatus;
}

export interface PhaseIndicator {
  code: string;
  name: string;
  unitLabel: string;
  percent: boolean;
  target: number | null;
  total: Omit<PhaseFigure, 'rank'>;
  ranking: PhaseFigure[];
}

export interface PhaseDifficulty {
  unitCode: string;
  unitName: string | null;
  category: string;
  description: string;
  status: string;
  reportedAt: string;
}

export interface PhaseReport {
  unit: { code: string; name: string };
  phase: { code: string | null; name: string | null; from: string; to: string; startDay: string; endDay: string; ongoing: boolean };
  indicators: PhaseIndicator[];
  difficulties: PhaseDifficulty[];
  /** True when more open difficulties exist than the report lists. */
  moreDifficulties: boolean;
}

export const PHASE_DIFFICULTY_LIMIT = 500;

const round = (value: number) => Math.round(value * 100) / 100;
type Figures = Pick<IndicatorProgress, 'numerator' | 'denominator' | 'value' | 'percent'>;

/** Figures of several units added up (a merged unit's predecessors), the value recomputed. */
function combine(parts: readonly Figures[]): number | null {
  if (parts.length === 1) return parts[0]!.value;
  if (parts.some((p) => p.numerator === null)) return null;
  const numerator = parts.reduce((sum, p) => sum + p.numerator!, 0);
  if (parts.every((p) => p.denominator === null)) return numerator;
  const denominator = parts.reduce((sum, p) => sum + (p.denominator ?? 0), 0);
  return denominator === 0 ? null : round((numerator / denominator) * (parts[0]!.percent ? 100 : 1));
}

/**
 * The start figure of each unit in force at the end: its own, or, for a unit that a merge made
 * during the phase, the sum of the units it took over (they name it as their successor).
 */
function startValues(startChildren: readonly UnitProgress[], endCodes: ReadonlySet<string>): Map<string, Map<string, number | null>> {
  const groups = new Map<string, UnitProgress[]>();
  for (const child of startChildren) {
    const target = endCodes.has(child.unit.code) ? child.unit.code : child.unit.successorCode;
    if (target === null || !endCodes.has(target)) continue;
    groups.set(target, [...(groups.get(target) ?? []), child]);
  }
  return new Map([...groups].map(([code, parts]) => {
    const byIndicator = new Map<string, number | null>();
    for (const indicator of parts[0]!.indicators) {
      byIndicator.set(indicator.code, combine(parts.map((p) => p.indicators.find((i) => i.code === indicator.code)!)));
    }
    return [code, byIndicator];
  }));
}

const gainOf = (start: number | null, end: number | null) => (start === null || end === null ? null : round(end - start));

function ranked(figures: Omit<PhaseFigure, 'rank'>[]): PhaseFigure[] {
  const sorted = [...figures].sort((a, b) => (b.gain ?? -Infinity) - (a.gain ?? -Infinity) || a.unitName.localeCompare(b.unitName, 'vi'));
  let previous: { gain: number | null; rank: number } | null = null;
  return sorted.map((figure, index) => {
    if (figure.gain === null) return { ...figure, rank: null };
    const rank: number = previous !== null && previous.gain === figure.gain ? previous.rank : index + 1;
    previous = { gain: figure.gain, rank };
    return { ...figure, rank };
  });
}

export async function phaseReport(
  db: Database, viewer: Viewer, unitCode: string, query: { phase?: string; from?: string; to?: string }, lang: Language,
): Promise<PhaseReport> {
  const unit = await getVisibleUnit(db, viewer, unitCode, undefined, 'unit');
  const span: PhaseSpan = await resolvePhaseSpan(db, unit, query, lang);
  const [startOwn, endOwn] = [await progressOf(db, viewer, unitCode, lang, span.startDay), await progressOf(db, viewer, unitCode, lang, span.endDay)];
  const startBelow = await progressOfChildren(db, viewer, unitCode, lang, { day: span.startDay });
  const endBelow = await progressOfChildren(db, viewer, unitCode, lang, { day: span.endDay });
  const starts = startValues(childrenWhole(startBelow), new Set(endBelow.children.map((c) => c.unit.code)));

  const indicators = endOwn.indicators.map((indicator): PhaseIndicator => {
    const ownStart = startOwn.indicators.find((i) => i.code === indicator.code)?.value ?? null;
    return {
      code: indicator.code, name: indicator.name, unitLabel: indicator.unitLabel, percent: indicator.percent, target: indicator.target,
      total: {
        unitCode: endOwn.unit.code, unitName: endOwn.unit.name, start: ownStart, end: indicator.value,
        gain: gainOf(ownStart, indicator.value), status: indicator.status,
      },
      ranking: ranked(endBelow.children.map((child) => {
        const end = child.indicators.find((i) => i.code === indicator.code)!;
        const start = starts.get(child.unit.code)?.get(indicator.code) ?? null;
        return { unitCode: child.unit.code, unitName: child.unit.name, start, end: end.value, gain: gainOf(start, end.value), status: end.status };
      })),
    };
  });

  const page = await listDifficulties(db, viewer, { unitCode, statuses: ['open', 'assigned', 'answered'], limit: PHASE_DIFFICULTY_LIMIT });
  const names = new Map((await getUnitsAt(db, [...new Set(page.items.map((d) => d.unitCode))], span.endDay)).map((u) => [u.code, u.name]));
  return {
    unit: { code: endOwn.unit.code, name: endOwn.unit.name },
    phase: {
      code: span.phase?.code ?? null, name: span.phase?.name ?? null, from: span.from, to: span.to,
      startDay: span.startDay, endDay: span.endDay, ongoing: span.ongoing,
    },
    indicators,
    // What the unit reported and how it stands, never who reported it.
    difficulties: page.items.map((d) => ({
      unitCode: d.unitCode, unitName: names.get(d.unitCode) ?? null, category: d.category, description: d.description, status: d.status, reportedAt: d.reportedAt,
    })),
    moreDifficulties: page.next !== null,
  };
}
