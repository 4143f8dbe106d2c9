import type { Language } from '../../i18n/index.js';

/** Vietnamese to plain ASCII for file names: "Xã Đắk Liêng" → "Xa Dak Lieng". */
export function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** A safe, readable file name: ASCII, lowercase words joined by dashes, with its extension. */
export function fileNameOf(parts: readonly string[], extension: string): string {
  const stem = parts
    .map((part) => asciiFold(part).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('-')
    .slice(0, 120);
  return `${stem || 'report'}.${extension}`;
}

/** `attachment` with the ASCII name; the name is already safe, so no quoting games are needed. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}

const numberFormats = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
};

/** 18328 → "18.328" in Vietnamese, "18,328" in English; null → "–". */
export function formatNumber(lang: Language, value: number | null): string {
  return value === null ? '–' : numberFormats[lang].format(value);
}

/**
 * Unit labels of counts are stored in Vietnamese, which has one form for any number. English
 * says "1 person" and "2 people": the form is chosen by the language's plural rules (CLDR,
 * through Intl.PluralRules, the same rules the web app's i18next uses).
 */
const ENGLISH_UNIT_LABELS: Record<string, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  'người': { one: 'person', other: 'people' },
  'lượt': { one: 'participation', other: 'participations' },
  'hộ': { one: 'household', other: 'households' },
  'xã': { one: 'commune', other: 'communes' },
  'thôn': { one: 'village', other: 'villages' },
};
const englishPlurals = new Intl.PluralRules('en-US');

/** The word for `count` of a unit label: "người" in Vietnamese; "person" or "people" in English. */
export function countLabel(lang: Language, unitLabel: string, count: number): string {
  const english = lang === 'en' ? ENGLISH_UNIT_LABELS[unitLabel] : undefined;
  if (!english) return unitLabel;
  return english[englishPlurals.select(count)] ?? english.other;
}

/** A figure with its unit: "62,5%", "18.328 người", "1 person". */
export function formatFigure(lang: Language, value: number | null, unitLabel: string, percent: boolean): string {
  if (value === null) return '–';
  return percent || unitLabel === '%' ? `${formatNumber(lang, value)}%` : `${formatNumber(lang, value)} ${countLabel(lang, unitLabel, value)}`;
}

const stampFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** When a file was made, in Vietnam time whatever the server's zone: "02/09/2025 03:30 (UTC+7)". */
export function formatStamp(lang: Language, instant: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) => stampFormat.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  return `${formatDay(lang, day)} ${part('hour')}:${part('minute')} (UTC+7)`;
}

/** 2025-09-01 → "01/09/2025" (the way Vietnamese documents write days; English readers get ISO). */
export function formatDay(lang: Language, day: string): string {
  if (lang === 'en') return day;
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** How much of the target the value reaches, in percent, one decimal; null without both. */
export function percentAchieved(value: number | null, target: number | null): number | null {
  if (value === null || target === null || target <= 0) return null;
  return Math.round((value / target) * 1000) / 10;
}
