import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, ApiError } from '../../../lib/api';
import { useResource } from '../../../lib/use-resource';
import { dhis2PeriodId, periodsInYear, type Dhis2PeriodType } from '../api/dhis2-period';
import { downloadFile } from '../api/report-download';
import { NS } from './dashboard-i18n';

interface Phase { code: string; name: string; startsOn: string; endsOn: string }
const PERIOD_TYPES: readonly Dhis2PeriodType[] = ['month', 'quarter', 'week', 'year'];

/**
 * The other exports of the reports routes, each on a button: the units below as CSV, the one-page
 * summary, the DHIS2 data value set for a period picked here, and a campaign phase's evaluation.
 */
export function MoreExports({ unitCode, day }: { unitCode: string; day: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const ids = { type: useId(), year: useId(), n: useId(), format: useId(), phase: useId() };
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean; field?: string }>();
  const [periodType, setPeriodType] = useState<Dhis2PeriodType>('month');
  const [year, setYear] = useState(day.slice(0, 4));
  const [n, setN] = useState(String(Number(day.slice(5, 7))));
  const [format, setFormat] = useState<'json' | 'csv'>('json');
  const [phase, setPhase] = useState('');
  const phases = useResource(`phases|${unitCode}|${language}`, (signal) => apiFetch<Phase[]>(`/api/reports/phases?unit=${encodeURIComponent(unitCode)}`, { language, signal }));
  const unit = encodeURIComponent(unitCode);

  const download = async (path: string, fallback: string, field?: string) => {
    setBusy(true);
    setMessage({ text: t('exports.busy'), failed: false });
    try {
      setMessage({ text: t('exports.done', { fileName: await downloadFile(path, fallback, language) }), failed: false });
    } catch (error) {
      const text = error instanceof ApiError && error.status === 401 ? t('sessionEnded') : t('exports.failed', { message: error instanceof Error ? error.message : String(error) });
      setMessage({ text, failed: true, field: error instanceof ApiError && error.field?.endsWith('period') ? 'period' : field });
    } finally {
      setBusy(false);
    }
  };
  const dhis2 = (event: FormEvent) => {
    event.preventDefault();
    const id = dhis2PeriodId(periodType, Number(year), Number(n) || 1);
    void download(`/api/reports/${unit}/dhis2.${format}?period=${encodeURIComponent(id)}`, `dhis2-${unitCode}-${id}.${format}`, 'period');
  };
  const periodError = message?.failed && message.field === 'period' ? message.text : undefined;

  return (
    <details className="more-exports" data-testid="more-exports">
      <summary>{t('exports.more')}</summary>
      <div className="exports">
        <button type="button" className="btn btn-secondary btn-small" disabled={busy} data-testid="export-children-csv"
          onClick={() => void download(`/api/reports/${unit}/children.csv?date=${day}`, `${unitCode}.csv`)}>{t('exports.childrenCsv')}</button>
        <button type="button" className="btn btn-secondary btn-small" disabled={busy} data-testid="export-summary-pdf"
          onClick={() => void download(`/api/reports/${unit}/summary.pdf?date=${day}`, `${unitCode}.pdf`)}>{t('exports.summaryPdf')}</button>
      </div>
      <form className="exports" onSubmit={dhis2} aria-label={t('exports.dhis2')} noValidate>
        <span className="exports-label">{t('exports.dhis2')}</span>
        <label htmlFor={ids.type}>{t('exports.periodType')}</label>
        <select id={ids.type} value={periodType} onChange={(event) => setPeriodType(event.target.value as Dhis2PeriodType)}>
          {PERIOD_TYPES.map((type) => <option key={type} value={type}>{t(`exports.period.${type}`)}</option>)}
        </select>
        <label htmlFor={ids.year}>{t('exports.year')}</label>
        <input id={ids.year} type="number" min={2000} max={2100} value={year} onChange={(event) => setYear(event.target.value)}
          aria-invalid={periodError ? true : undefined} aria-describedby={periodError ? `${ids.year}-error` : undefined} />
        {periodType !== 'year' && (
          <>
            <label htmlFor={ids.n}>{t(`exports.number.${periodType}`)}</label>
            <input id={ids.n} type="number" min={1} max={periodsInYear(periodType)} value={n} onChange={(event) => setN(event.target.value)} />
          </>
        )}
        <label htmlFor={ids.format}>{t('exports.format')}</label>
        <select id={ids.format} value={format} onChange={(event) => setFormat(event.target.value as 'json' | 'csv')}>
          <option value="json">JSON</option>
          <option value="csv">CSV</option>
        </select>
        <button type="submit" className="btn btn-secondary btn-small" disabled={busy} data-testid="export-dhis2">{t('exports.download')}</button>
        {periodError && <p id={`${ids.year}-error`} className="field-error exports-message" role="alert">{periodError}</p>}
      </form>
      {phases.data && phases.data.length > 0 && (
        <div className="exports">
          <label htmlFor={ids.phase} className="exports-label">{t('exports.phase')}</label>
          <select id={ids.phase} value={phase || phases.data[0]!.code} onChange={(event) => setPhase(event.target.value)}>
            {phases.data.map((item) => <option key={item.code} value={item.code}>{item.name}</option>)}
          </select>
          <button type="button" className="btn btn-secondary btn-small" disabled={busy} data-testid="export-phase-xlsx"
            onClick={() => void download(`/api/reports/${unit}/phase.xlsx?phase=${encodeURIComponent(phase || phases.data![0]!.code)}`, `${unitCode}.xlsx`)}>{t('exports.download')}</button>
        </div>
      )}
      <p className="muted exports-message" role="status" data-testid="more-export-status">{message && !message.failed ? message.text : ''}</p>
      {message?.failed && !periodError && <p className="error-text exports-message" role="alert">{message.text}</p>}
    </details>
  );
}
