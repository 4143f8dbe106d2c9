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
  /** The budget on the ratio, in words (e.g. "≥ 0.5", "≤ 3"). */
  budget: string;
  meetsBudget: boolean;
}

export function compareToCeiling(unit: string, ceiling: number, doorstep: number, budget: { atLeast: number } | { atMost: number }): CeilingComparison {
  if (!(ceiling > 0) || !Number.isFinite(doorstep)) throw new Error(`${unit}: no usable ceiling (${ceiling}) or figure (${doorstep})`);
  const ratio = Number((doorstep / ceiling).toFixed(3));
  const meetsBudget = 'atLeast' in budget ? ratio >= budget.atLeast : ratio <= budget.atMost;
  return {
    unit, ceiling: round(ceiling), doorstep: round(doorstep), ratio,
    budget: 'atLeast' in budget ? `≥ ${budget.atLeast}` : `≤ ${budget.atMost}`, meetsBudget,
  };
}

/** The three lines every benchmark prints, whatever else it prints. */
export function formatComparison(name: string, c: CeilingComparison): string {
  return [
    `${name} ceiling  ${c.ceiling} ${c.unit}`,
    `${name} doorstep ${c.doorstep} ${c.unit}`,
    `${name} ratio    ${c.ratio} (budget ${c.budget}: ${c.meetsBudget ? 'met' : 'NOT met'})`,
  ].join('\n');
}

/** The process's peak resident memory so far, in MB (the server runs in the benchmark's process). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Number(n.toFixed(2)));
