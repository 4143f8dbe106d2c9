import type { TFunction } from 'i18next';
import type { Source } from '../api/targets-api';

/** One source of counts in words: "residents who reached 'VNeID activated'", "adults (statistics)". */
export function sourceInWords(source: Source, t: TFunction, milestones: ReadonlyMap<string, string>): string {
  switch (source.source) {
    case 'milestone': return t('source.milestone', { name: milestones.get(source.kind) ?? source.kind });
    case 'statistic': return t('source.statistic', { name: t(`statistic.${source.kind}`, { defaultValue: source.kind }) });
    case 'units': return t(`source.units_${source.tier}`);
    case 'reported': return t(`source.reported_${source.over}`);
    default: return t(`source.${source.source}`);
  }
}

/** The indicator's formula as a sentence an officer reads: what is counted, over what, as a share or a number. */
export function formulaInWords(indicator: { numerator: Source; denominator: Source | null; percent: boolean }, t: TFunction, milestones: ReadonlyMap<string, string>): string {
  const numerator = sourceInWords(indicator.numerator, t, milestones);
  if (!indicator.denominator) return t('formula.count', { numerator });
  const denominator = sourceInWords(indicator.denominator, t, milestones);
  return t(indicator.percent ? 'formula.percent' : 'formula.ratio', { numerator, denominator });
}
