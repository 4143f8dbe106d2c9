import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api';
import { useResource } from '../../../lib/use-resource';
import { fetchUnits, register, type Participant } from '../api/contest-api';
import { NS } from './contest-i18n';

/** Name, phone and commune: no account. The server's message shows next to the field it names. */
export function RegisterForm({ contestId, onRegistered }: { contestId: string; onRegistered: (p: Participant) => void }) {
  const { t, i18n } = useTranslation(NS);
  const units = useResource(`units:${contestId}`, (signal) => fetchUnits(contestId, { language: i18n.language, signal }));
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onRegistered(await register({ fullName, phone, unitCode }, { language: i18n.language }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="contest-card" onSubmit={(e) => void send(e)} data-testid="contest-register">
      <h2>{t('register.heading')}</h2>
      <TextField label={t('register.fullName')} value={fullName} onChange={(e) => setFullName(e.target.value)} autoComplete="name" required error={errorFor('fullName')} name="fullName" />
      <TextField label={t('register.phone')} value={phone} onChange={(e) => setPhone(e.target.value)} type="tel" inputMode="tel" autoComplete="tel" required error={errorFor('phone')} name="phone" />
      <div className="field">
        <label htmlFor="contest-unit">{t('register.unit')}</label>
        <select id="contest-unit" name="unitCode" value={unitCode} onChange={(e) => setUnitCode(e.target.value)} required aria-invalid={errorFor('unitCode') ? true : undefined}>
          <option value="">{t('register.pickUnit')}</option>
          {units.data?.items.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
        </select>
        {errorFor('unitCode') && <p className="field-error" role="alert">{errorFor('unitCode')}</p>}
      </div>
      {error && !error.field && <p className="field-error" role="alert">{error.message}</p>}
      <p className="muted">{t('register.privacy')}</p>
      <Button type="submit" wide disabled={busy}>{t('register.submit')}</Button>
    </form>
  );
}
