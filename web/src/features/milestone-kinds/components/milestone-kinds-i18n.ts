import i18n from 'i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

/** The words of the milestone kinds screen, added when its chunk loads. */
export const NS = 'milestoneKinds';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);
