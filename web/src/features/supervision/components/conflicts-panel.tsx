import { useTranslation } from 'react-i18next';
import { useResource } from '../../../lib/use-resource';
import { fetchConflicts, type Conflict } from '../api/supervision-api';
import { localTime, NS } from './supervision-i18n';

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** Each conflict of the unit's devices: the version kept and the replaced one, side by side. */
export function ConflictsPanel({ unitCode }: { unitCode: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const conflicts = useResource(`conflicts|${unitCode}|${language}`, (signal) => fetchConflicts(unitCode, { language, signal }));
  return (
    <section className="workbench" aria-labelledby="conflicts-title">
      <h3 id="conflicts-title">{t('conflicts.title')}</h3>
      <p className="muted">{t('conflicts.intro')}</p>
      {conflicts.error && <p className="banner" role="alert">{t('failed', { message: conflicts.error.message })}</p>}
      {conflicts.data?.items.length === 0 && <p className="muted">{t('conflicts.empty')}</p>}
      <ul className="list">
        {conflicts.data?.items.map((conflict: Conflict) => (
          <li key={conflict.id} className="card" data-testid="conflict">
            <strong>{t('conflicts.record', { kind: conflict.recordKind, village: conflict.villageCode })}</strong>
            <div className="conflict-sides">
              <div>
                <h4>{t('conflicts.kept', { at: localTime(conflict.wonRecordedAt, language) })}</h4>
                <p className="muted">{t('conflicts.keptHint')}</p>
              </div>
              <div>
                <h4>{t('conflicts.lost', { at: localTime(conflict.lostRecordedAt, language) })}</h4>
                <table className="workbench-table">
                  <thead><tr><th scope="col">{t('conflicts.field')}</th><th scope="col">{t('conflicts.value')}</th></tr></thead>
                  <tbody>
                    {Object.entries(conflict.lostData).filter(([key]) => key !== 'id').map(([key, value]) => (
                      <tr key={key}><th scope="row">{key}</th><td>{show(value)}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
