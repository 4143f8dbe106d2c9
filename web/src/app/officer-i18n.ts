import i18n from 'i18next';
import en from '../locales/officer/en.json';
import vi from '../locales/officer/vi.json';

/** The officers' shell has words of its own, added when its chunk loads: the field app's first download carries none. */
export const OFFICER_NS = 'officer';
i18n.addResourceBundle('vi', OFFICER_NS, vi, true, true);
i18n.addResourceBundle('en', OFFICER_NS, en, true, true);
