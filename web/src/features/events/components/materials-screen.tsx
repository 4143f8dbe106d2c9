import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/ui/screen';
import { useField } from '../../../lib/field-context';
import { loadMaterials, openOffline, OFFLINE_BUDGET_BYTES, saveOffline, savedIds, type Material } from '../api/materials-api';
import { NS } from './events-i18n';
import './events.css';

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * The materials library on the phone: the village's, the commune's and the province's posters,
 * leaflets, loudspeaker clips and videos; a file kept on the phone opens with no network, within
 * the library's offline budget.
 */
export default function MaterialsScreen() {
  const { t, i18n } = useTranslation(NS);
  const { village } = useField();
  const [items, setItems] = useState<Material[]>();
  const [saved, setSaved] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');
  const [opened, setOpened] = useState<{ material: Material; url: string }>();

  useEffect(() => {
    void loadMaterials(village.code, i18n.language).then(setItems, () => setItems([]));
    void savedIds().then(setSaved);
  }, [village.code, i18n.language]);
  const keptList = (items ?? []).filter((m) => saved.has(m.id));
  const used = keptList.reduce((sum, m) => sum + m.sizeBytes, 0);

  const keep = async (material: Material) => {
    try {
      const outcome = await saveOffline(material, keptList);
      if (outcome === 'over_budget') return setMessage(t('materials.overBudget', { budget: megabytes(OFFLINE_BUDGET_BYTES) }));
      setSaved(await savedIds());
      setMessage(t('materials.savedOne', { title: material.title }));
    } catch {
      setMessage(t('materials.needsNetwork'));
    }
  };
  const open = async (material: Material) => {
    const url = await openOffline(material.id);
    if (url) setOpened({ material, url });
    else setMessage(t('materials.needsNetwork'));
  };

  return (
    <Screen title={t('materials.title')} back="/">
      <p className="muted" data-testid="materials-budget">{t('materials.budget', { used: megabytes(used), budget: megabytes(OFFLINE_BUDGET_BYTES) })}</p>
      <p role="status" aria-live="polite">{message}</p>
      {items?.length === 0 && <p className="muted">{t('materials.none')}</p>}
      <ul className="plain-list stack">
        {items?.map((m) => (
          <li key={m.id} className="card stack" data-testid="material">
            <h3>{m.title}</h3>
            <p className="muted">{t(`materials.kind.${m.kind}`)} · {m.language} · {megabytes(m.sizeBytes)} MB</p>
            {saved.has(m.id)
              ? <button type="button" className="btn btn-primary" onClick={() => void open(m)}>{t('materials.open')}</button>
              : <button type="button" className="btn btn-secondary" onClick={() => void keep(m)}>{t('materials.keep')}</button>}
          </li>
        ))}
      </ul>
      {opened && (
        <section className="card stack" data-testid="material-viewer" aria-label={opened.material.title}>
          {opened.material.mediaType.startsWith('image/') && <img src={opened.url} alt={opened.material.title} style={{ maxWidth: '100%' }} />}
          {opened.material.mediaType.startsWith('audio/') && <audio src={opened.url} controls />}
          {opened.material.mediaType.startsWith('video/') && <video src={opened.url} controls style={{ maxWidth: '100%' }} />}
          {opened.material.mediaType === 'application/pdf' && <a href={opened.url} download={opened.material.fileName}>{opened.material.fileName}</a>}
        </section>
      )}
    </Screen>
  );
}
