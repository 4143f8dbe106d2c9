import { useTranslation } from 'react-i18next';
import { formatShare } from '../../../../shared/format/share.js';
import { formatNumber } from '../../lib/figures';
import { PROGRESS_NS } from './progress-i18n';

interface Measured {
  percent: boolean;
  unitLabel: string;
}

/** Numbers in the reader's language, with the indicator's unit: "45,6%", "12.345 người" / "12,345 people". */
export function useFormat() {
  const { t, i18n } = useTranslation(PROGRESS_NS);
  const language = i18n.language;
  const number = (value: number, digits = 1) => formatNumber(value, language, digits);
  const measure = (value: number | null, indicator: Measured, digits?: number): string => {
    if (value === null) return t('tiles.noValue');
    // A share is written as the server's sentences write it (the public page shows both side by side).
    if (indicator.percent) return digits === undefined ? formatShare(language, value) : `${number(value, digits)}%`;
    // The count chooses the word's plural form: "1 person", "2 people" (Vietnamese has one form).
    const label = t(`unitLabels.${indicator.unitLabel}`, { count: value, defaultValue: indicator.unitLabel });
    return `${number(value, digits ?? 0)} ${label}`.trim();
  };
  return { number, measure, language };
}
