import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api';
import { downloadReport, type ReportFormat } from '../api/report-download';
import { NS } from './dashboard-i18n';

const FORMATS: readonly ReportFormat[] = ['xlsx', 'pdf'];

/**
 * The unit's target report as Excel or PDF, for the day the dashboard shows, so the file holds
 * the figures on screen. Progress and failures are announced, not only drawn.
 */
export function ReportExports({ unitCode, day }: { unitCode: string; day: string }) {
  const { t, i18n } = useTranslation(NS);
  const [busy, setBusy] = useState<ReportFormat>();
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();

  const download = async (format: ReportFormat) => {
    setBusy(format);
    setMessage({ text: t('exports.preparing', { format: t(`exports.${format}`) }), failed: false });
    try {
      const fileName = await downloadReport(unitCode, format, { language: i18n.language, day });
      setMessage({ text: t('exports.done', { fileName }), failed: false });
    } catch (error) {
      const text = error instanceof ApiError && error.status === 401 ? t('sessionEnded')
        : t('exports.failed', { message: error instanceof Error ? error.message : String(error) });
      setMessage({ text, failed: true });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="exports" role="group" aria-labelledby="exports-label" data-testid="report-exports">
      <span id="exports-label" className="exports-label">{t('exports.heading')}</span>
      {FORMATS.map((format) => (
        <Button key={format} variant="secondary" className="btn-small" disabled={busy !== undefined}
          aria-describedby="exports-hint" onClick={() => void download(format)} data-testid={`export-${format}`}>
          {busy === format ? t('exports.busy') : t(`exports.${format}`)}
        </Button>
      ))}
      <span id="exports-hint" className="sr-only">{t('exports.hint')}</span>
      {/* The status region stays in the page so screen readers hear every change; a failure is an alert of its own. */}
      <p className="muted exports-message" role="status" data-testid="export-status">{message && !message.failed ? message.text : ''}</p>
      {message?.failed && <p className="error-text exports-message" role="alert" data-testid="export-error">{message.text}</p>}
    </div>
  );
}
