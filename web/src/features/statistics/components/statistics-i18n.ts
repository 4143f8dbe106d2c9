import i18n from 'i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

/** The words of the unit statistics screens, added when their chunk loads. */
export const NS = 'statistics';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);
