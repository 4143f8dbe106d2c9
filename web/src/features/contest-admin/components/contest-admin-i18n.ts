import i18n from 'i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

/** The contest administration's words, added when its chunk loads. */
export const NS = 'contest-admin';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);
