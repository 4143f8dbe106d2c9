import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportRefused, type RowProblem } from '../../../lib/upload';
import { importNational, type ImportReport } from '../api/learning-admin-api';
import { NS } from './learning-admin-i18n';

const HEADER = 'so_dinh_danh_hoac_dien_thoai,ho_ten,ma_don_vi,khoa_hoc,trang_thai,ngay';

/** The national learning platform's CSV: a preview of what it would do, the rows it cannot place, then the import. */
export function NationalImport({ csrfToken }: { csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [createResidents, setCreateResidents] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState('');
  const [rows, setRows] = useState<RowProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const send = async (preview: boolean, event?: FormEvent) => {
    event?.preventDefault();
    if (!file) return setError(t('import.pick'));
    setBusy(true);
    setError('');
    setRows([]);
    try {
      setReport(await importNational(file, { preview, createResidents }, { language: i18n.language, csrfToken }));
    } catch (failure) {
      setReport(null);
      setError(failure instanceof Error ? failure.message : String(failure));
      if (failure instanceof ImportRefused) setRows(failure.rows);
    } finally {
      setBusy(false);
    }
  };
  const reset = () => { setReport(null); setError(''); setRows([]); };

  return (
    <section className="panel stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('import.title')}</h3>
      <p className="muted">{t('import.help')}</p>
      <p><code>{HEADER}</code></p>
      <form className="stack" onSubmit={(event) => void send(true, event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('import.file')}</label>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(event) => { setFile(event.target.files?.[0] ?? null); reset(); }}
            aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
          {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
        </div>
        <label className="check">
          <input type="checkbox" checked={createResidents} onChange={(e) => { setCreateResidents(e.target.checked); reset(); }} />
          {' '}{t('import.createResidents')}
        </label>
        <p className="hint">{t('import.createResidentsHint')}</p>
        <p><button type="submit" className="btn" disabled={busy}>{t('import.preview')}</button></p>
      </form>
      {rows.length > 0 && (
        <ul className="list" data-testid="import-refused-rows">
          {rows.map((row, n) => <li key={n}>{t('import.row', { row: row.row, message: row.message })}</li>)}
        </ul>
      )}
      {report && (
        <div className="stack" data-testid="import-report" role="status">
          <p><strong>{report.preview ? t('import.previewTitle') : t('import.doneTitle')}</strong></p>
          <p>{t('import.summary', { rows: report.rows, enrolments: report.enrolments, completions: report.completions, milestones: report.milestones, unchanged: report.unchanged })}</p>
          {report.residentsCreated > 0 && <p>{t('import.created', { count: report.residentsCreated })}</p>}
          {report.notPlaced.length > 0 && (
            <>
              <p>{t('import.notPlaced', { count: report.notPlaced.length })}</p>
              <ul className="list" data-testid="import-not-placed">
                {report.notPlaced.map((row) => <li key={row.row}>{t('import.row', { row: row.row, message: row.message })}</li>)}
              </ul>
            </>
          )}
          {report.preview && <p><button type="button" className="btn btn-primary" disabled={busy} onClick={() => void send(false)}>{t('import.confirm')}</button></p>}
        </div>
      )}
    </section>
  );
}
