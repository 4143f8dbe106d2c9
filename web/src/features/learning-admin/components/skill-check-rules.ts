import type { Bank, SkillCheckWrite } from '../api/learning-admin-api';

/** A skill check's form as typed: numbers stay text until they are checked. */
export interface SkillCheckDraft {
  bankId: string;
  questionCount: string;
  passPercent: string;
  minutes: string;
  languages: { lang: string; bankId: string }[];
}

type Say = (key: string, values?: Record<string, unknown>) => string;

const LIMITS = { questionCount: [1, 100], passPercent: [1, 100], minutes: [1, 240] } as const;

function whole(text: string, [min, max]: readonly [number, number]): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

/**
 * The same checks as the server's schema and service (src/modules/learning), said as sentences
 * beside each field before anything is sent: whole numbers within their range, a Vietnamese bank,
 * each other language once with a bank, and every bank holding the questions drawn.
 */
export function skillCheckErrors(draft: SkillCheckDraft, banks: readonly Bank[], t: Say): Record<string, string> {
  const errors: Record<string, string> = {};
  const count = whole(draft.questionCount, LIMITS.questionCount);
  if (count === null) errors.questionCount = t('checks.countRule');
  if (whole(draft.passPercent, LIMITS.passPercent) === null) errors.passPercent = t('checks.passRule');
  if (whole(draft.minutes, LIMITS.minutes) === null) errors.minutes = t('checks.minutesRule');
  const tooSmall = (bankId: string) => {
    const bank = banks.find((b) => b.id === bankId);
    return bank && count !== null && bank.questionCount < count ? t('checks.bankTooSmall', { count: bank.questionCount, wanted: count }) : undefined;
  };
  if (!draft.bankId) errors.bankId = t('checks.bankRequired');
  else {
    const small = tooSmall(draft.bankId);
    if (small) errors.bankId = small;
  }
  const seen = new Set<string>();
  draft.languages.forEach((language, i) => {
    const lang = language.lang.trim();
    if (!/^[a-z]{2,3}$/.test(lang)) errors[`languages.${i}.lang`] = t('language.rule');
    else if (lang === 'vi') errors[`languages.${i}.lang`] = t('checks.viIsMain');
    else if (seen.has(lang)) errors[`languages.${i}.lang`] = t('checks.langTwice', { lang });
    seen.add(lang);
    if (!language.bankId) errors[`languages.${i}.bankId`] = t('checks.bankRequired');
    else {
      const small = tooSmall(language.bankId);
      if (small) errors[`languages.${i}.bankId`] = small;
    }
  });
  return errors;
}

/** The draft as the API takes it; call only once `skillCheckErrors` found nothing. */
export function skillCheckBody(draft: SkillCheckDraft): SkillCheckWrite {
  return {
    bankId: draft.bankId, questionCount: Number(draft.questionCount), passPercent: Number(draft.passPercent), minutes: Number(draft.minutes),
    languages: draft.languages.map((l) => ({ lang: l.lang.trim(), bankId: l.bankId })),
  };
}

/** The server names `languages[0].bankId`; the form names its fields `languages.0.bankId`. */
export function skillCheckFieldOf(path: string): string | undefined {
  if (path === 'bankId' || path === 'questionCount' || path === 'passPercent' || path === 'minutes') return path;
  const language = /^languages\[(\d+)\]\.(lang|bankId)$/.exec(path);
  return language ? `languages.${language[1]}.${language[2]}` : undefined;
}
