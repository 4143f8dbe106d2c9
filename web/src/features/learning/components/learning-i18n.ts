import i18n from 'i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

/** The learner screens' words, added when their chunk loads: the field app's first download carries none of them. */
export const NS = 'learning';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);

/** Minutes and seconds, as a countdown shows them. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
