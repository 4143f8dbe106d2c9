import i18n from 'i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

/** The certificate screens' words, added when their chunk loads: the field app's first download carries none of them. */
export const NS = 'certificates';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);
