import { describe, expect, it } from 'vitest';
import { skillCheckBody, skillCheckErrors, skillCheckFieldOf, type SkillCheckDraft } from './skill-check-rules';

const banks = [{ id: 'b-vi', name: 'vi', questionCount: 8 }, { id: 'b-en', name: 'en', questionCount: 4 }];
const say = (key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key);
const good: SkillCheckDraft = { bankId: 'b-vi', questionCount: '4', passPercent: '80', minutes: '10', languages: [{ lang: 'en', bankId: 'b-en' }] };

describe('a skill check form', () => {
  it('accepts whole numbers within range and sends them as numbers', () => {
    expect(skillCheckErrors(good, banks, say)).toEqual({});
    expect(skillCheckBody(good)).toEqual({ bankId: 'b-vi', questionCount: 4, passPercent: 80, minutes: 10, languages: [{ lang: 'en', bankId: 'b-en' }] });
  });

  it('says beside each field what is wrong', () => {
    const errors = skillCheckErrors({ bankId: '', questionCount: '2.5', passPercent: '0', minutes: '241', languages: [{ lang: 'vi', bankId: '' }, { lang: 'E', bankId: 'b-en' }] }, banks, say);
    expect(errors).toEqual({
      bankId: 'checks.bankRequired', questionCount: 'checks.countRule', passPercent: 'checks.passRule', minutes: 'checks.minutesRule',
      'languages.0.lang': 'checks.viIsMain', 'languages.0.bankId': 'checks.bankRequired', 'languages.1.lang': 'language.rule',
    });
    expect(skillCheckErrors({ ...good, passPercent: '101' }, banks, say)).toEqual({ passPercent: 'checks.passRule' });
  });

  it('refuses a bank with fewer questions than drawn, and a language given twice', () => {
    const errors = skillCheckErrors({ ...good, questionCount: '5', languages: [{ lang: 'en', bankId: 'b-en' }, { lang: 'en', bankId: 'b-vi' }] }, banks, say);
    expect(errors).toEqual({ 'languages.0.bankId': 'checks.bankTooSmall {"count":4,"wanted":5}', 'languages.1.lang': 'checks.langTwice {"lang":"en"}' });
  });

  it('places the server\'s field paths on the form\'s fields', () => {
    expect(skillCheckFieldOf('passPercent')).toBe('passPercent');
    expect(skillCheckFieldOf('languages[2].bankId')).toBe('languages.2.bankId');
    expect(skillCheckFieldOf('skillCode')).toBeUndefined();
  });
});
