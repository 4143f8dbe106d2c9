import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/text-field';
import { formErrorsOf } from '../../../lib/form-errors';
import type { SessionUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { addKind, fetchKinds, type NewKind } from '../api/milestone-kinds-api';
import { NS } from './milestone-kinds-i18n';

interface MilestoneKindsProps {
  user: SessionUser;
  csrfToken: string;
}

const EMPTY: NewKind = { code: '', nameVi: '', nameEn: '' };
const CODE = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * The milestones teams record (VNeID activated, app installed…): the shared list and the
 * province's own. A province officer adds kinds that belong to the province alone; an
 * administrator adds shared ones.
 */
export default function MilestoneKindsApp({ user, csrfToken }: MilestoneKindsProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [version, setVersion] = useState(0);
  const [form, setForm] = useState<NewKind>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof NewKind | 'general', string>>>({});
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const kinds = useResource(`kinds|${language}|${version}`, (signal) => fetchKinds({ language, signal }));
  const shared = user.role === 'admin';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!CODE.test(form.code)) found.code = t('form.codeRule');
    if (form.nameVi.trim() === '') found.nameVi = t('form.required');
    if (form.nameEn.trim() === '') found.nameEn = t('form.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const created = await addKind(form, { language, csrfToken });
      setAnnouncement(t('added', { name: created.name }));
      setForm(EMPTY);
      setVersion((n) => n + 1);
    } catch (error) {
      const mapped = formErrorsOf(error, (path) => (['code', 'nameVi', 'nameEn'].includes(path) ? path : undefined));
      setErrors({ ...mapped.fields, general: mapped.general });
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof NewKind) => ({
    value: form[name], error: errors[name], onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <section className="dash-section workbench" aria-labelledby="kinds-title">
      <h2 id="kinds-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <p className="workbench-result" role="status" aria-live="polite" data-testid="kinds-result">{announcement}</p>
      {kinds.error && <p className="banner" role="alert">{kinds.error.message}</p>}
      <ul className="list" data-testid="milestone-kinds">
        {kinds.data?.map((kind) => (
          <li key={kind.code} className="card" data-code={kind.code}>
            <div className="row-top">
              <strong>{kind.name}</strong>
              <span className={kind.provinceCode ? 'pill pill-ok' : 'pill pill-todo'}>{kind.provinceCode ? t('own', { code: kind.provinceCode }) : t('shared')}</span>
            </div>
            <span className="row-sub">{kind.code}</span>
          </li>
        ))}
      </ul>
      <form className="card" onSubmit={(event) => void submit(event)} noValidate data-testid="kind-form">
        <h3>{t(shared ? 'form.titleShared' : 'form.titleOwn')}</h3>
        <p className="muted">{t(shared ? 'form.introShared' : 'form.introOwn')}</p>
        {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
        <TextField label={t('form.code')} hint={t('form.codeRule')} autoComplete="off" maxLength={40} {...field('code')} />
        <TextField label={t('form.nameVi')} maxLength={200} {...field('nameVi')} />
        <TextField label={t('form.nameEn')} maxLength={200} {...field('nameEn')} />
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('form.add')}</button>
      </form>
    </section>
  );
}
