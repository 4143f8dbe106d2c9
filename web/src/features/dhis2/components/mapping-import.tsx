import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportRefused, type RowProblem } from '../../../lib/upload';
import { importMapping, MAPPING_CSV_URL } from '../api/dhis2-api';
import { NS } from './dhis2-i18n';

/** The whole mapping from a CSV file: every line written, or none and every faulty line listed. */
export function MappingImport({ csrfToken, onImported }: { csrfToken: string; onImported: (message: string) => void }) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [rows, setRows] = useState<RowProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError(t('import.pick'));
    setBusy(true);
    setError('');
    setRows([]);
    try {
      const { lines } = await importMapping(file, { language: i18n.language, csrfToken });
      onImported(t('import.done', { count: lines }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      if (failure instanceof ImportRefused) setRows(failure.rows);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel dhis2-import" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('import.title')}</h3>
      <p className="muted">{t('import.help')}</p>
      <p><a href={MAPPING_CSV_URL} download>{t('import.template')}</a></p>
      <form className="workbench-actions" onSubmit={(event) => void send(event)}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('import.file')}</label>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(event) => { setFile(event.target.files?.[0] ?? null); setError(''); setRows([]); }}
            aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
          {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('import.send')}</button>
      </form>
      {rows.length > 0 && (
        <ul className="list" data-testid="dhis2-import-rows">
          {rows.map((row, n) => <li key={n}>{t('import.row', { row: row.row, message: row.message })}</li>)}
        </ul>
      )}
    </section>
  );
}
