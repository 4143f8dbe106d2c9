import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Pill } from '../../../components/ui/pill';
import { db } from '../../../lib/db';
import { authorOf, useField } from '../../../lib/field-context';
import { useLiveQuery } from '../../../lib/live-query';
import { raiseDifficulty, type DifficultyCategory } from '../../../lib/outbox';
import { useOnline } from '../../../lib/use-online';
import { useResource } from '../../../lib/use-resource';
import { fetchOpenDifficulties, photoUrl } from '../api/team-desk-api';
import { downscalePhoto } from '../api/downscale';
import { NS } from './team-desk-i18n';

const CATEGORIES: readonly DifficultyCategory[] = ['weak_network', 'no_devices', 'no_trainers', 'no_materials', 'other'];

/** The team's open difficulties (from the server) and those still waiting on this phone; raise one, photo or not. */
export function DifficultiesPanel() {
  const { t, i18n } = useTranslation(NS);
  const field = useField();
  const online = useOnline();
  const waiting = useLiveQuery(
    () => db.outbox.where('userId').equals(field.user.id).filter((item) => item.kind === 'difficulty').toArray(), [field.user.id],
  ) ?? [];
  // A raised difficulty leaves the outbox once sent: the list is asked again then.
  const open = useResource(online ? `difficulties:${field.village.code}:${waiting.length}` : null,
    (signal) => fetchOpenDifficulties(field.village.code, i18n.language, signal));

  return (
    <div className="stack">
      <ul className="list">
        {waiting.map((item) => (
          <li key={item.id} className="card" data-testid="desk-difficulty">
            <div className="row-top">
              <strong>{t(`category.${String(item.data.category)}`)}</strong>
              <Pill tone={item.state === 'rejected' ? 'error' : 'wait'}>{item.state === 'rejected' ? t('difficulties.refused') : t('difficulties.waiting')}</Pill>
            </div>
            <p>{String(item.data.description)}</p>
            {item.error && <p className="error-text">{item.error.message}</p>}
            {typeof item.data.photo === 'string' && <img className="desk-photo" src={item.data.photo} alt={t('difficulties.photoAlt')} />}
          </li>
        ))}
        {(open.data ?? []).map((d) => (
          <li key={d.id} className="card" data-testid="desk-difficulty">
            <div className="row-top">
              <strong>{t(`category.${d.category}`)}</strong>
              <Pill tone={d.status === 'answered' ? 'ok' : 'todo'}>{t(`status.${d.status}`)}</Pill>
            </div>
            <p>{d.description}</p>
            {d.answer && <p className="row-sub">{t('difficulties.answer', { answer: d.answer })}</p>}
            {d.hasPhoto && <img className="desk-photo" src={photoUrl(d.id)} alt={t('difficulties.photoAlt')} loading="lazy" />}
          </li>
        ))}
      </ul>
      {!online && <p className="muted">{t('difficulties.offlineList')}</p>}
      {online && open.data?.length === 0 && waiting.length === 0 && <p className="muted">{t('difficulties.none')}</p>}
      <RaiseForm />
    </div>
  );
}

function RaiseForm() {
  const { t } = useTranslation(NS);
  const field = useField();
  const [category, setCategory] = useState<DifficultyCategory>('weak_network');
  const [description, setDescription] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ description?: string; photo?: string }>({});
  const [sent, setSent] = useState(false);

  const pickPhoto = async (file: File | undefined) => {
    setErrors((e) => ({ ...e, photo: undefined }));
    if (!file) return setPhoto(null);
    const small = await downscalePhoto(file);
    if (!small) setErrors((e) => ({ ...e, photo: t('raise.photoUnreadable') }));
    setPhoto(small);
  };
  const submit = async () => {
    setSent(false);
    if (!description.trim()) return setErrors({ description: t('raise.describe') });
    await raiseDifficulty({ category, description: description.trim(), ...(photo ? { photo } : {}) }, authorOf(field));
    setDescription('');
    setPhoto(null);
    setErrors({});
    setSent(true);
  };

  return (
    <details className="card">
      <summary data-testid="raise-difficulty">{t('raise.title')}</summary>
      <div className="stack">
        <label className="field">
          <span className="label">{t('raise.category')}</span>
          <select value={category} onChange={(e) => setCategory(e.target.value as DifficultyCategory)}>
            {CATEGORIES.map((c) => <option key={c} value={c}>{t(`category.${c}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="label">{t('raise.description')}</span>
          <textarea data-testid="raise-description" rows={3} maxLength={2000} value={description} aria-invalid={Boolean(errors.description)}
            onChange={(e) => setDescription(e.target.value)} />
          {errors.description && <span className="error-text" role="alert">{errors.description}</span>}
        </label>
        <label className="field">
          <span className="label">{t('raise.photo')}</span>
          <input type="file" accept="image/*" capture="environment" data-testid="raise-photo" onChange={(e) => void pickPhoto(e.target.files?.[0])} />
          {errors.photo && <span className="error-text" role="alert">{errors.photo}</span>}
        </label>
        {photo && <img className="desk-photo" src={photo} alt={t('difficulties.photoAlt')} data-testid="raise-preview" />}
        <Button wide data-testid="raise-submit" onClick={() => void submit()}>{t('raise.submit')}</Button>
        {sent && <p className="banner" role="status">{t('raise.queued')}</p>}
      </div>
    </details>
  );
}
