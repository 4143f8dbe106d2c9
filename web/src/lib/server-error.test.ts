import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import vi from '../locales/vi.json';
import { fieldOf, serverErrorText, syncFailureText } from './server-error';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'vi', fallbackLng: 'en', resources: { vi: { translation: vi }, en: { translation: en } }, interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);

describe('server errors on the screen', () => {
  it('names the field of the form, never a JSON path', () => {
    expect(fieldOf('items[3].data.nationalId')).toBe('nationalId');
    expect(fieldOf('items[0].data.help[2].residentId')).toBe('help');
    const text = serverErrorText(t, { code: 'VALIDATION_FAILED', message: 'Năm sinh không hợp lệ', field: 'items[3].data.birthYear' });
    expect(text).toBe('Năm sinh: Năm sinh không hợp lệ');
    expect(text).not.toMatch(/items\[|data\./);
  });

  it('puts no English browser message inside Vietnamese text', () => {
    const text = syncFailureText(t, { code: 'NETWORK', message: 'Failed to fetch' });
    expect(text).not.toContain('Failed to fetch');
    expect(text).toMatch(/mạng/);
    expect(syncFailureText(t, { code: 'HTTP_502', message: 'Bad Gateway' })).not.toContain('Bad Gateway');
  });
});
