import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vietnamDay } from '../../../lib/time';
import { ImportRefused, uploadImport, type ImportKind, type RowProblem } from '../api/units-api';
import { NS } from './units-i18n';

/** The three CSV imports: the official list (province), villages and statistics (officers in scope). */
export function UnitImports({ csrfToken, canImportList, onImported }: { csrfToken: string; canImportList: boolean; onImported: () => void }) {
  const { t } = useTranslation(NS);
  const kinds: ImportKind[] = canImportList ? ['official-list', 'villages', 'statistics'] : ['villages', 'statistics'];
  return (
    <section className="workbench" aria-labelledby="unit-imports-title">
      <h3 id="unit-imports-title">{t('imports.title')}</h3>
      <p className="muted">{t('imports.intro')}</p>
      {kinds.map((kind) => <ImportCard key={kind} kind={kind} csrfToken={csrfToken} onImported={onImported} />)}
    </section>
  );
}

function ImportCard({ kind, csrfToken, onImported }: { kind: ImportKind; csrfToken: string; onImported: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const ids = { file: useId(), date: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [validFrom, setValidFrom] = useState(kind === 'official-list' ? '2025-07-01' : vietnamDay());
  const [rows, setRows] = useState<RowProblem[]>([]);
  const [error, setError] = useState('');
  const [result, setResult] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setResult('');
    setRows([]);
    if (!file) {
      setError(t('imports.fileRequired'));
      return;
    }
    setBusy(true);
    try {
      const summary = await uploadImport(kind, file, kind === 'statistics' ? null : validFrom, { language: i18n.language, csrfToken });
      setError('');
      setResult(kind === 'statistics' ? t('imports.doneValues', { values: summary.values ?? 0 })
        : t('imports.doneUnits', { created: summary.created ?? 0, renamed: summary.renamed ?? 0, unchanged: summary.unchanged ?? 0 }));
      onImported();
    } catch (caught) {
      if (caught instanceof ImportRefused) setRows(caught.rows);
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card workbench-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${ids.file}-title`} data-testid={`import-${kind}`}>
      <h4 id={`${ids.file}-title`}>{t(`imports.${kind}.title`)}</h4>
      <p className="hint">{t(`imports.${kind}.columns`)}</p>
      <div className="workbench-filters">
        <div className="field">
          <label htmlFor={ids.file}>{t('imports.file')}</label>
          <input id={ids.file} type="file" accept=".csv,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setError(''); setRows([]); }}
            aria-invalid={error ? true : undefined} aria-describedby={error ? `${ids.file}-error` : undefined} />
          {error && <p id={`${ids.file}-error`} className="field-error" role="alert">{error}</p>}
        </div>
        {kind !== 'statistics' && (
          <div className="field">
            <label htmlFor={ids.date}>{t('imports.validFrom')}</label>
            <input id={ids.date} type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
          </div>
        )}
      </div>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="workbench-table" data-testid="import-rows">
            <caption>{t('imports.rowsCaption', { count: rows.length })}</caption>
            <thead><tr><th scope="col" className="num">{t('imports.row')}</th><th scope="col">{t('imports.column')}</th><th scope="col">{t('imports.reason')}</th></tr></thead>
            <tbody>
              {rows.slice(0, 200).map((row, i) => (
                <tr key={`${row.row}-${row.field ?? ''}-${i}`}><td className="num">{row.row}</td><td>{row.field ?? ''}</td><td>{row.message}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="workbench-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('imports.send')}</button>
        <p className="workbench-result" role="status" aria-live="polite">{result}</p>
      </div>
    </form>
  );
}
