import i18n from 'i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

/** The public page's words, added when its chunk loads: the field app's first download carries none of them. */
export const NS = 'public';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);
