import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../../lib/use-resource';
import { acknowledgeAlert, fetchAlerts, fetchIndicatorNames, refreshAlerts } from '../api/supervision-api';
import { localTime, NS } from './supervision-i18n';

/** The units that turned behind, newest first: re-evaluate now, mark each as seen. */
export function AlertsPanel({ unitCode, csrfToken }: { unitCode: string; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [refresh, setRefresh] = useState(0);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const alerts = useResource(`alerts|${unitCode}|${language}`, (signal) => fetchAlerts(unitCode, { language, signal }), refresh);
  const names = useResource(`indicator-names|${language}`, (signal) => fetchIndicatorNames({ language, signal }));
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await work());
      setRefresh((n) => n + 1);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="workbench" aria-labelledby="alerts-title">
      <h3 id="alerts-title">{t('alerts.title')}</h3>
      <div className="workbench-actions">
        <button type="button" className="btn btn-secondary" disabled={busy}
          onClick={() => void act(async () => t('alerts.refreshed', { count: (await refreshAlerts(unitCode, { language, csrfToken })).raised }))}>{t('alerts.refresh')}</button>
        <p className="workbench-result" role="status" aria-live="polite" data-testid="alerts-result">{message}</p>
      </div>
      {alerts.error && <p className="banner" role="alert">{t('failed', { message: alerts.error.message })}</p>}
      {alerts.data?.items.length === 0 && <p className="muted">{t('alerts.empty')}</p>}
      <ul className="list">
        {alerts.data?.items.map((alert) => (
          <li key={alert.id} className="card" data-testid="alert" data-acknowledged={alert.acknowledgedAt !== null}>
            <strong>{t('alerts.line', { unit: alert.unitCode, indicator: names.data?.get(alert.indicatorCode) ?? alert.indicatorCode })}</strong>
            <span className="muted">{t('alerts.raisedAt', { at: localTime(alert.raisedAt, language) })}</span>
            {alert.acknowledgedAt ? <span className="pill pill-ok">{t('alerts.acknowledged', { at: localTime(alert.acknowledgedAt, language) })}</span> : (
              <div className="workbench-actions">
                <button type="button" className="btn btn-secondary btn-small" disabled={busy}
                  onClick={() => void act(async () => { await acknowledgeAlert(alert.id, { language, csrfToken }); return t('alerts.done'); })}>{t('alerts.acknowledge')}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
