import i18n from 'i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

/** The words of the officers' learning screens, added when their chunk loads. */
export const NS = 'learningAdmin';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);

/** The languages an author writes in first; any other (such as Ê Đê, "ede") can be added by its code. */
export const AUTHOR_LANGUAGES = ['vi', 'en'] as const;
