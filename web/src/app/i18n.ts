import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
const STORAGE_KEY = 'doorstep.language';

/** Vietnamese first; English when the worker chose it on this phone. Both catalogs ship in the bundle: they are small and must work offline. */
function initialLanguage(): string {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored && (LANGUAGES as readonly string[]).includes(stored) ? stored : 'vi';
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export async function switchLanguage(language: string): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
