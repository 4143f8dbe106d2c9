import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api';
import { createContest, type Bank, type Call } from '../api/contest-admin-api';
import { NS } from './contest-admin-i18n';

/** A contest with its phases and the main rules; the rest keep the Dak Lak defaults. */
export function ContestForm({ province, call, banks, onCreated }: { province: string; call: Call; banks: Bank[]; onCreated: () => void }) {
  const { t } = useTranslation(NS);
  const [title, setTitle] = useState('');
  const [bankId, setBankId] = useState('');
  const [phases, setPhases] = useState([{ startsOn: '', endsOn: '' }]);
  const [questions, setQuestions] = useState('10');
  const [minutes, setMinutes] = useState('10');
  const [error, setError] = useState<ApiError>();
  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await createContest({
        provinceCode: province, title, bankId, phases,
        rules: { questionsPerAttempt: Number(questions), timeLimitSeconds: Number(minutes) * 60 },
      }, call);
      onCreated();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    }
  };
  const setPhase = (i: number, key: 'startsOn' | 'endsOn', value: string) => setPhases(phases.map((p, k) => (k === i ? { ...p, [key]: value } : p)));

  return (
    <form className="contest-card" onSubmit={(e) => void send(e)} data-testid="contest-form">
      <h2>{t('newContest')}</h2>
      <TextField label={t('contestTitle')} value={title} onChange={(e) => setTitle(e.target.value)} required error={errorFor('title')} />
      <div className="field">
        <label htmlFor="contest-bank">{t('bank')}</label>
        <select id="contest-bank" value={bankId} onChange={(e) => setBankId(e.target.value)} required>
          <option value="">{t('pickBank')}</option>
          {banks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
        </select>
        {errorFor('bankId') && <p className="field-error" role="alert">{errorFor('bankId')}</p>}
      </div>
      {phases.map((p, i) => (
        <div key={i} className="contest-phase-row">
          <TextField label={t('phaseFrom', { number: i + 1 })} type="date" value={p.startsOn} onChange={(e) => setPhase(i, 'startsOn', e.target.value)} required error={errorFor(`phases[${i}].startsOn`)} />
          <TextField label={t('phaseTo')} type="date" value={p.endsOn} onChange={(e) => setPhase(i, 'endsOn', e.target.value)} required error={errorFor(`phases[${i}].endsOn`)} />
        </div>
      ))}
      <Button variant="secondary" onClick={() => setPhases([...phases, { startsOn: '', endsOn: '' }])}>{t('addPhase')}</Button>
      <TextField label={t('questionsPerAttempt')} type="number" min={1} max={50} value={questions} onChange={(e) => setQuestions(e.target.value)} />
      <TextField label={t('minutes')} type="number" min={1} max={60} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      {error && !error.field?.match(/^(title|bankId|phases)/) && <p className="field-error" role="alert">{error.message}</p>}
      <Button type="submit">{t('create')}</Button>
    </form>
  );
}
