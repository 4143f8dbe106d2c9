import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/text-field';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { saveSkillCheck, type Bank, type SkillCheckSetting } from '../api/learning-admin-api';
import { NS } from './learning-admin-i18n';
import { skillCheckBody, skillCheckErrors, skillCheckFieldOf, type SkillCheckDraft } from './skill-check-rules';

interface Props {
  skill: { code: string; name: string };
  setting: SkillCheckSetting | undefined;
  banks: readonly Bank[];
  csrfToken: string;
  onSaved: () => void;
}

/** A skill without a check yet starts from the starter checks' numbers. */
const draftOf = (setting: SkillCheckSetting | undefined): SkillCheckDraft => ({
  bankId: setting?.bankId ?? '',
  questionCount: String(setting?.questionCount ?? 5),
  passPercent: String(setting?.passPercent ?? 60),
  minutes: String(setting?.minutes ?? 10),
  languages: setting?.languages.map((l) => ({ ...l })) ?? [],
});

function BankSelect({ label, value, banks, error, onChange }: { label: string; value: string; banks: readonly Bank[]; error?: string; onChange: (id: string) => void }) {
  const { t } = useTranslation(NS);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">{t('checks.pickBank')}</option>
        {banks.map((b) => <option key={b.id} value={b.id}>{t('quiz.bankLine', { name: b.name, count: b.questionCount })}</option>)}
      </select>
      {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
    </div>
  );
}

/** One skill's check: the Vietnamese bank, a bank per other language, questions drawn, pass mark and minutes. */
export function SkillCheckForm({ skill, setting, banks, csrfToken, onSaved }: Props) {
  const { t, i18n } = useTranslation(NS);
  const [draft, setDraft] = useState<SkillCheckDraft>(() => draftOf(setting));
  const [notice, setNotice] = useState('');
  const form = useFormSubmit();
  const errors = form.errors.fields;
  const titleId = `skill-check-${skill.code}-title`;
  const change = (patch: Partial<SkillCheckDraft>) => {
    setNotice('');
    setDraft({ ...draft, ...patch });
  };
  const setLanguage = (index: number, patch: Partial<SkillCheckDraft['languages'][number]>) =>
    change({ languages: draft.languages.map((l, i) => (i === index ? { ...l, ...patch } : l)) });

  const submit = form.onSubmit({
    validate: () => skillCheckErrors(draft, banks, t),
    send: async () => {
      await saveSkillCheck(skill.code, skillCheckBody(draft), { language: i18n.language, csrfToken });
      setNotice(t('checks.saved', { name: skill.name }));
      onSaved();
    },
    fieldOf: skillCheckFieldOf,
  });

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby={titleId} data-testid={`skill-check-${skill.code}`}>
      <h3 id={titleId}>{skill.name}</h3>
      {!setting && <p className="muted">{t('checks.notSet')}</p>}
      <BankSelect label={t('checks.bankVi')} value={draft.bankId} banks={banks} error={errors.bankId} onChange={(bankId) => change({ bankId })} />
      <div className="row">
        <TextField label={t('checks.count')} inputMode="numeric" value={draft.questionCount} onChange={(e) => change({ questionCount: e.target.value })} error={errors.questionCount} />
        <TextField label={t('checks.pass')} inputMode="numeric" value={draft.passPercent} onChange={(e) => change({ passPercent: e.target.value })} error={errors.passPercent} />
        <TextField label={t('checks.minutes')} inputMode="numeric" value={draft.minutes} onChange={(e) => change({ minutes: e.target.value })} error={errors.minutes} />
      </div>
      <fieldset className="stack">
        <legend>{t('checks.otherLanguages')}</legend>
        <p className="muted">{t('checks.otherHint')}</p>
        {draft.languages.map((language, i) => (
          <div key={i} className="row framework-item">
            <TextField label={t('checks.langCode')} value={language.lang} onChange={(e) => setLanguage(i, { lang: e.target.value.trim().toLowerCase() })} error={errors[`languages.${i}.lang`]} />
            <BankSelect label={t('checks.bankIn', { lang: language.lang || '…' })} value={language.bankId} banks={banks} error={errors[`languages.${i}.bankId`]} onChange={(bankId) => setLanguage(i, { bankId })} />
            <button type="button" className="btn btn-quiet" onClick={() => change({ languages: draft.languages.filter((_, j) => j !== i) })}>{t('checks.removeLanguage')}</button>
          </div>
        ))}
        <p><button type="button" className="btn btn-secondary" onClick={() => change({ languages: [...draft.languages, { lang: '', bankId: '' }] })}>{t('checks.addLanguage')}</button></p>
      </fieldset>
      {form.errors.general && <p className="error-text" role="alert">{form.errors.general}</p>}
      {notice && <p role="status" data-testid="skill-check-notice">{notice}</p>}
      <p><button type="submit" className="btn btn-primary" disabled={form.busy}>{t('checks.save')}</button></p>
    </form>
  );
}
