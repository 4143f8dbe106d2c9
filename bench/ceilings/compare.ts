/**
 * A benchmark's figure beside its ceiling: what the machine's own parts (the database alone, or
 * Fastify alone) do with the same work in the same run. Absolute figures move twofold between
 * runs and machines of one kind; the ratio moves much less, so budgets are ratios.
 */
export interface CeilingComparison {
  /** What the figures count, e.g. "visits/s" or "ms (p95)". */
  unit: string;
  ceiling: number;
  doorstep: number;
  /** doorstep ÷ ceiling: a share of the ceiling for throughputs, a multiple of it for times. */
  ratio: number;
  /** The budget on the ratio, in words (e.g. "≥ 0.5", "≤ 3"), or "none" where the ratio is reported only. */
  budget: string;
  /** Absent where no budget is set on the ratio. */
  meetsBudget?: boolean;
}

export function compareToCeiling(
  unit: string, ceiling: number, doorstep: number, budget: { atLeast: number } | { atMost: number } | Record<string, never>,
): CeilingComparison {
  if (!(ceiling > 0) || !Number.isFinite(doorstep)) throw new Error(`${unit}: no usable ceiling (${ceiling}) or figure (${doorstep})`);
  const ratio = Number((doorstep / ceiling).toFixed(3));
  const base = { unit, ceiling: round(ceiling), doorstep: round(doorstep), ratio };
  if ('atLeast' in budget) return { ...base, budget: `≥ ${budget.atLeast}`, meetsBudget: ratio >= budget.atLeast };
  if ('atMost' in budget) return { ...base, budget: `≤ ${budget.atMost}`, meetsBudget: ratio <= budget.atMost };
  return { ...base, budget: 'none' };
}

/** The three lines every benchmark prints, whatever else it prints. */
export function formatComparison(name: string, c: CeilingComparison): string {
  return [
    `${name} ceiling  ${c.ceiling} ${c.unit}`,
    `${name} doorstep ${c.doorstep} ${c.unit}`,
    c.meetsBudget === undefined ? `${name} ratio    ${c.ratio}` : `${name} ratio    ${c.ratio} (budget ${c.budget}: ${c.meetsBudget ? 'met' : 'NOT met'})`,
  ].join('\n');
}

/** The process's peak resident memory so far, in MB (the server runs in the benchmark's process). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Number(n.toFixed(2)));
