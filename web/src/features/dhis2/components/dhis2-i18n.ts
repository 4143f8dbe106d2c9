import i18n from 'i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

/** The words of the DHIS2 link screen, added when its chunk loads. */
export const NS = 'dhis2';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);

export const localTime = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
