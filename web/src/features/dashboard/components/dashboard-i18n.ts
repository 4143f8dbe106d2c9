import i18n from 'i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

/**
 * The dashboard's words live in their own namespace, added when its chunk loads, so the field
 * app's first download carries none of them.
 */
export const NS = 'dashboard';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);
