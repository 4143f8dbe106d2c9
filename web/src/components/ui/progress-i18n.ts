import i18n from 'i18next';
import en from '../../locales/progress/en.json';
import vi from '../../locales/progress/vi.json';

/**
 * The words of the progress views both the dashboard and the public page show (status, tiles,
 * units of measure): their own namespace, added when the first of those lazy chunks loads, so
 * the field app's first download carries none of them.
 */
export const PROGRESS_NS = 'progress';
i18n.addResourceBundle('vi', PROGRESS_NS, vi, true, true);
i18n.addResourceBundle('en', PROGRESS_NS, en, true, true);
