import type { Status } from './progress-types';

/** A shape beside the colour and the word, so status reads in greyscale and at a glance. */
export const STATUS_SYMBOL: Record<Status, string> = {
  achieved: '✓', on_track: '↗', at_risk: '!', behind: '✕', no_target: '–', no_data: '?',
};

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'vi-VN');

export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits }).format(value);
}

/** 2025-12-31 → 31/12/2025, the way both audiences write dates. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** How far along the target a value is, 0–100, for a progress bar; null without both. */
export function shareOfTarget(value: number | null, target: number | null): number | null {
  if (value === null || target === null || target <= 0) return null;
  return Math.max(0, Math.min(100, (value / target) * 100));
}
