import { vi } from './vi.js';
import { en } from './en.js';

/** Server-side texts: error messages and labels the API returns. Vietnamese first. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageKey = keyof typeof vi;

const catalogs: Record<Language, Record<MessageKey, string>> = { vi, en };

/** Picks the first supported language of an Accept-Language header; Vietnamese when none fits. */
export function pickLanguage(header: string | undefined): Language {
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if ((LANGUAGES as readonly string[]).includes(tag)) return tag as Language;
  }
  return 'vi';
}

export function translate(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[lang][key] ?? catalogs.vi[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in vi;
}
