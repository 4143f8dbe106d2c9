/**
 * How a percentage is written wherever people read it: the share of people an indicator counts,
 * and how much of a target is reached. One decimal, rounded half away from zero as Intl does:
 * the public page's summary (written by the server) and its tiles (written by the browser) use
 * this one function, so "6,9%" in a tile is never "6,93%" in the sentence beside it.
 */
export const SHARE_DIGITS = 1;

const formats = new Map<string, Intl.NumberFormat>();

/** 6.93 → "6,9%" in Vietnamese, "6.9%" in English. */
export function formatShare(language: string, value: number): string {
  const locale = language === 'en' ? 'en-GB' : 'vi-VN';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: SHARE_DIGITS });
    formats.set(locale, format);
  }
  return `${format.format(value)}%`;
}
