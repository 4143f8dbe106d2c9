import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../../lib/use-resource';
import { fetchConflicts, resolveConflict, type Conflict } from '../api/supervision-api';
import { localTime, NS } from './supervision-i18n';

const show = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : JSON.stringify(value));
/** Fields whose values are codes the officer reads as words (groups, sex). */
const CODED = new Set(['groups', 'sex']);
/** The fields an officer compares, in the order a record shows them. */
const FIELDS = {
  household: ['label', 'headName', 'address', 'note'],
  resident: ['fullName', 'birthYear', 'sex', 'groups', 'ethnicity', 'language', 'nationalIdLast4'],
} as const;

/**
 * Each open conflict of the unit's devices: the version kept and the replaced one side by side,
 * the fields that differ marked, and the choice: keep the current version, or write the replaced
 * one back as a new edit (the phones receive it on their next sync).
 */
export function ConflictsPanel({ unitCode, csrfToken }: { unitCode: string; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [refresh, setRefresh] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const conflicts = useResource(`conflicts|${unitCode}|${language}`, (signal) => fetchConflicts(unitCode, { language, signal }), refresh);

  const choose = async (conflict: Conflict, choice: 'keep' | 'restore') => {
    setBusy(conflict.id);
    setErrors((previous) => ({ ...previous, [conflict.id]: '' }));
    try {
      await resolveConflict(conflict.id, choice, { language, csrfToken });
      setMessage(t(choice === 'keep' ? 'conflicts.keptDone' : 'conflicts.restoredDone'));
      setRefresh((n) => n + 1);
    } catch (error) {
      setErrors((previous) => ({ ...previous, [conflict.id]: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="workbench" aria-labelledby="conflicts-title">
      <h3 id="conflicts-title">{t('conflicts.title')}</h3>
      <p className="muted">{t('conflicts.intro')}</p>
      <p className="workbench-result" role="status" aria-live="polite" data-testid="conflicts-result">{message}</p>
      {conflicts.error && <p className="banner" role="alert">{t('failed', { message: conflicts.error.message })}</p>}
      {conflicts.data?.items.length === 0 && <p className="muted">{t('conflicts.empty')}</p>}
      <ul className="list">
        {conflicts.data?.items.map((conflict) => {
          const current = conflict.current?.data ?? {};
          const headingId = `conflict-${conflict.id}`;
          return (
            <li key={conflict.id} className="card" data-testid="conflict" aria-labelledby={headingId}>
              <strong id={headingId}>{t('conflicts.record', { kind: t(`conflicts.kind.${conflict.recordKind}`), village: conflict.villageCode })}</strong>
              <div className="table-scroll">
                <table className="workbench-table conflict-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('conflicts.field')}</th>
                      <th scope="col">{conflict.current ? t('conflicts.kept', { at: localTime(conflict.current.recordedAt, language) }) : t('conflicts.gone')}</th>
                      <th scope="col">{t('conflicts.lost', { at: localTime(conflict.lostRecordedAt, language) })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {FIELDS[conflict.recordKind].map((key) => {
                      const differs = show(current[key]) !== show(conflict.lostData[key]);
                      const word = (value: unknown) => {
                        if (!CODED.has(key) || value === null || value === undefined) return show(value);
                        return (Array.isArray(value) ? value : [value]).map((code) => t(`conflicts.values.${String(code)}`, { defaultValue: String(code) })).join(', ') || '—';
                      };
                      return (
                        <tr key={key} data-differs={differs || undefined}>
                          <th scope="row">{t(`conflicts.fields.${key}`)}{differs && <span className="pill pill-wait">{t('conflicts.differs')}</span>}</th>
                          <td>{word(current[key])}</td><td>{word(conflict.lostData[key])}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <div className="workbench-actions">
                <button type="button" className="btn btn-secondary btn-small" disabled={busy !== null} onClick={() => void choose(conflict, 'keep')}>{t('conflicts.keep')}</button>
                <button type="button" className="btn btn-primary btn-small" disabled={busy !== null || !conflict.current} onClick={() => void choose(conflict, 'restore')}>{t('conflicts.restore')}</button>
              </div>
              {errors[conflict.id] && <p className="field-error" role="alert">{errors[conflict.id]}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
