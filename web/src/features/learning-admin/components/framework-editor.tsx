import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { useResource } from '../../../lib/use-resource';
import { TextField } from '../../../components/ui/text-field';
import { fetchFramework, fetchVariants, loadVariant, saveFramework, type Framework, type Named } from '../api/learning-admin-api';
import { NS } from './learning-admin-i18n';

const blank = (): Named => ({ code: '', nameVi: '', nameEn: '' });

/** Code and names of a skill, competence or group; errors keyed by the API's path (`skills[0].nameVi`). */
function NamedFields({ value, onChange, path, errors }: { value: Named; onChange: (v: Named) => void; path: string; errors: Record<string, string> }) {
  const { t } = useTranslation(NS);
  return (
    <div className="row">
      <TextField label={t('framework.code')} value={value.code} onChange={(e) => onChange({ ...value, code: e.target.value.trim() })} error={errors[`${path}.code`]} />
      <TextField label={t('framework.nameVi')} value={value.nameVi} onChange={(e) => onChange({ ...value, nameVi: e.target.value })} error={errors[`${path}.nameVi`]} />
      <TextField label={t('framework.nameEn')} value={value.nameEn} onChange={(e) => onChange({ ...value, nameEn: e.target.value })} error={errors[`${path}.nameEn`]} />
    </div>
  );
}

/** The skills framework as data: skills and their competences, target groups and the skills each must confirm; or a whole variant. */
export function FrameworkEditor({ csrfToken }: { csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const loaded = useResource('framework-edit', (signal) => fetchFramework({ language, signal }));
  const variants = useResource('framework-variants', (signal) => fetchVariants({ language, signal }));
  const [draft, setDraft] = useState<Framework | null>(null);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [notice, setNotice] = useState('');
  const [variant, setVariant] = useState('');
  useEffect(() => { if (loaded.data) setDraft(loaded.data); }, [loaded.data]);
  if (loaded.error) return <p className="error-text" role="alert">{loaded.error.message}</p>;
  if (!draft) return <p className="muted" role="status">{t('loading')}</p>;

  // A name or code goes beside its field; anything else (a group naming no skill) above the button.
  const fail = (error: unknown) => setErrors(formErrorsOf(error, (path) => (/\.(code|nameVi|nameEn)$/.test(path) ? path : undefined)));
  const save = async () => {
    setErrors({ fields: {} });
    setNotice('');
    try {
      setDraft(await saveFramework(draft, { language, csrfToken }));
      setNotice(t('framework.saved'));
    } catch (error) { fail(error); }
  };
  const load = async () => {
    if (!variant) return setErrors({ fields: { variant: t('framework.pickVariant') } });
    if (!window.confirm(t('framework.confirmVariant'))) return;
    try {
      setDraft(await loadVariant(variant, { language, csrfToken }));
      setNotice(t('framework.variantLoaded', { name: variant }));
    } catch (error) { fail(error); }
  };
  const skills = draft.skills;
  const setSkill = (i: number, patch: Partial<Framework['skills'][number]>) => setDraft({ ...draft, skills: skills.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setGroup = (i: number, patch: Partial<Framework['groups'][number]>) => setDraft({ ...draft, groups: draft.groups.map((g, j) => (j === i ? { ...g, ...patch } : g)) });

  return (
    <div className="stack">
      <section className="panel stack" aria-labelledby="variant-title">
        <h3 id="variant-title">{t('framework.variantTitle')}</h3>
        <div className="row">
          <div className="field">
            <label htmlFor="variant">{t('framework.variant')}</label>
            <select id="variant" value={variant} onChange={(e) => setVariant(e.target.value)} aria-invalid={errors.fields.variant ? true : undefined}>
              <option value="">{t('framework.pickVariant')}</option>
              {variants.data?.items.map((name) => <option key={name} value={name}>{name}</option>)}
            </select>
            {errors.fields.variant && <p className="field-error" role="alert">{errors.fields.variant}</p>}
          </div>
          <button type="button" className="btn" onClick={() => void load()}>{t('framework.load')}</button>
        </div>
      </section>
      <section className="panel stack" aria-labelledby="skills-title">
        <h3 id="skills-title">{t('framework.skills')}</h3>
        {skills.map((skill, i) => (
          <div key={i} className="framework-item stack" data-testid="framework-skill">
            <NamedFields value={skill} onChange={(v) => setSkill(i, v)} path={`skills[${i}]`} errors={errors.fields} />
            <details>
              <summary>{t('framework.competences', { count: skill.competences.length })}</summary>
              {skill.competences.map((c, j) => (
                <div key={j} className="row">
                  <NamedFields value={c} onChange={(v) => setSkill(i, { competences: skill.competences.map((x, k) => (k === j ? v : x)) })} path={`skills[${i}].competences[${j}]`} errors={errors.fields} />
                  <button type="button" className="btn btn-quiet" onClick={() => setSkill(i, { competences: skill.competences.filter((_, k) => k !== j) })}>{t('framework.remove')}</button>
                </div>
              ))}
              <button type="button" className="btn" onClick={() => setSkill(i, { competences: [...skill.competences, blank()] })}>{t('framework.addCompetence')}</button>
            </details>
            <button type="button" className="btn btn-quiet" onClick={() => setDraft({ ...draft, skills: skills.filter((_, j) => j !== i), groups: draft.groups.map((g) => ({ ...g, skills: g.skills.filter((c) => c !== skill.code) })) })}>
              {t('framework.removeSkill')}
            </button>
          </div>
        ))}
        <p><button type="button" className="btn" onClick={() => setDraft({ ...draft, skills: [...skills, { ...blank(), competences: [] }] })}>{t('framework.addSkill')}</button></p>
      </section>
      <section className="panel stack" aria-labelledby="groups-title">
        <h3 id="groups-title">{t('framework.groups')}</h3>
        {draft.groups.map((group, i) => (
          <div key={i} className="framework-item stack" data-testid="framework-group">
            <NamedFields value={group} onChange={(v) => setGroup(i, v)} path={`groups[${i}]`} errors={errors.fields} />
            <fieldset>
              <legend>{t('framework.mustConfirm')}</legend>
              {skills.filter((s) => s.code).map((s) => (
                <label key={s.code} className="check">
                  <input type="checkbox" checked={group.skills.includes(s.code)}
                    onChange={(e) => setGroup(i, { skills: e.target.checked ? [...group.skills, s.code] : group.skills.filter((c) => c !== s.code) })} />
                  {' '}{language === 'en' ? s.nameEn : s.nameVi}
                </label>
              ))}
            </fieldset>
          </div>
        ))}
      </section>
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      {notice && <p role="status">{notice}</p>}
      <p><button type="button" className="btn btn-primary" onClick={() => void save()}>{t('framework.save')}</button></p>
    </div>
  );
}
