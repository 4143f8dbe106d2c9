import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { useResource } from '../../../lib/use-resource';
import { fetchPublicEvent, registerForEvent, type Registration } from '../api/events-api';
import { NS } from './events-i18n';
import { RegistrationSlip } from './registration-slip';
import './events.css';

/**
 * The public registration form of one event (#/event/<id>), no login, light on 3G: a lazy chunk
 * with no library of its own; the QR image is an SVG drawn by the server.
 */
export default function RegisterPage({ eventId, actions }: { eventId: string; actions?: ReactNode }) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const event = useResource(`public-event:${eventId}`, (signal) => fetchPublicEvent(eventId, { language: i18n.language, signal }));
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [done, setDone] = useState<Registration>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (event.data) document.title = `${event.data.title} · Doorstep`;
  }, [event.data]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!fullName.trim()) return setErrors({ fields: { fullName: t('register.required') } });
    setBusy(true);
    try {
      setDone(await registerForEvent(eventId, { fullName: fullName.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) }, { language: i18n.language }));
      setErrors({ fields: {} });
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => (path === 'fullName' || path === 'phone' ? path : undefined)));
    } finally {
      setBusy(false);
    }
  };
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'medium', timeStyle: 'short' });
  const e = event.data;
  const left = e && e.capacity !== null ? Math.max(0, e.capacity - e.registered) : null;

  return (
    <div className="app">
      <header className="topbar"><h1>{t('register.title')}</h1>{actions}</header>
      <main className="stack">
        {event.error && <p className="error-text" role="alert">{event.error.status === 404 ? t('register.notFound') : event.error.message}</p>}
        {e && (
          <section className="card">
            <h2>{e.title}</h2>
            <p>{when(e.startsAt)} – {when(e.endsAt)}</p>
            <p>{[e.place, e.unitName].filter(Boolean).join(' · ')}</p>
            {left !== null && <p>{left > 0 ? t('register.places', { n: left }) : t('register.full')}</p>}
          </section>
        )}
        {done ? (
          <RegistrationSlip registration={done} lead={t('register.done')} after={t('register.showAtDoor')} />
        ) : e && (
          <form className="card stack" onSubmit={(ev) => void submit(ev)} noValidate>
            {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
            <div className="field">
              <label htmlFor={`${id}-name`}>{t('register.fullName')}</label>
              <input id={`${id}-name`} value={fullName} maxLength={200} autoComplete="name" onChange={(ev) => setFullName(ev.target.value)}
                aria-invalid={errors.fields.fullName ? true : undefined} aria-describedby={errors.fields.fullName ? `${id}-name-error` : undefined} />
              {errors.fields.fullName && <p id={`${id}-name-error`} className="field-error" role="alert">{errors.fields.fullName}</p>}
            </div>
            <div className="field">
              <label htmlFor={`${id}-phone`}>{t('register.phone')}</label>
              <input id={`${id}-phone`} type="tel" inputMode="tel" value={phone} maxLength={20} autoComplete="tel" onChange={(ev) => setPhone(ev.target.value)}
                aria-invalid={errors.fields.phone ? true : undefined} aria-describedby={errors.fields.phone ? `${id}-phone-error` : undefined} />
              {errors.fields.phone && <p id={`${id}-phone-error`} className="field-error" role="alert">{errors.fields.phone}</p>}
            </div>
            <button type="submit" className="btn btn-primary" disabled={busy}>{t('register.submit')}</button>
          </form>
        )}
      </main>
    </div>
  );
}
